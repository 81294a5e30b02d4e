import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { instance, signedInCustomer, summaryOf } from '../../test/cpFixtures';
import { completeMarketingConfig, goal, hiredAgent, marketingDefinition } from '../../test/definitions';
import { json, stubBackend } from '../../test/http';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';

const cancelled = instance({
  plan: 'trial',
  trial_status: 'ended_not_converted',
  subscription_status: 'cancelled',
  read_only: true,
  ended_at: '2026-12-03T08:00:00Z',
  retention_until: new Date(Date.now() + 20 * 24 * 60 * 60 * 1000).toISOString(),
});

function open(tab: string) {
  signedInCustomer();
  stubBackend({
    'GET /api/cp/my-agents/summary': json(200, summaryOf(cancelled)),
    'GET /api/cp/agent-types': json(200, { agent_types: [marketingDefinition] }),
    'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, marketingDefinition),
    'GET /api/cp/hired-agents/hired-1': json(200, hiredAgent({ config: completeMarketingConfig, configured: true, read_only: true })),
    'GET /api/cp/hired-agents/hired-1/goals': json(200, { goals: [goal()] }),
    'PUT /api/cp/my-agents/selected': new Response(null, { status: 204 }),
  });
  renderApp(cpRoutes, `/?agent=hired-1&tab=${tab}`);
}

describe('A cancelled agent during its retention', () => {
  it('keeps its goals readable, says in words why Run now is off, and offers no change', async () => {
    open('goals');

    const goals = await screen.findByRole('region', { name: /^Goals of/ });
    const card = (await within(goals).findByRole('heading', { name: 'Weekly multichannel posting batch', level: 4 })).closest('li')!;
    expect(goals).toHaveTextContent('Run now is off: this subscription has ended, so nothing runs any more.');
    expect(within(card).getByRole('button', { name: 'Run now' })).toBeDisabled();
    expect(within(card).getByRole('button', { name: 'Edit' })).toBeDisabled();
    expect(within(card).getByRole('checkbox', { name: 'Enabled' })).toBeDisabled();
    expect(screen.getByText(/^Ended on 3 Dec 2026, read-only; data kept until/)).toBeInTheDocument();
  });

  it('shows its configuration read-only', async () => {
    open('configure');

    expect(await screen.findByText(/This agent is read-only now/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});
