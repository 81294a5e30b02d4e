import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, stubBackend } from '../../test/http';
import { renderApp } from '../../test/render';
import { Customer } from '../Customer';
import { ppRoutes } from '../PpApp';
import type { CorrelationTimeline, Denial, HiredAgentSummary, InstanceView } from '../ppApi';
import { signedInAs } from '../test/ppFixtures';

const CUSTOMER_ID = '00000000-0000-0000-0000-0000000c0001';

// The hired agent as both the search and the instance view name it.
const hiredAgent = {
  hired_instance_id: 'hired-1',
  subscription_id: 'sub-1',
  customer_id: CUSTOMER_ID,
  customer_email: 'demo@myagents.local',
  customer_name: 'Demo Clinic',
  agent_type_id: 'marketing.healthcare.v1',
  agent_type_version: '1.0.0',
  nickname: 'Clinic Marketing',
  configured: true,
};

const summary: HiredAgentSummary = {
  ...hiredAgent,
  subscription_status: 'active',
  trial_status: null,
  trial_end_at: null,
  goals_count: 0,
  drafts_pending_review: 0,
  created_at: '2025-01-10T08:00:00Z',
};

const instance: InstanceView = {
  hired_agent: { ...hiredAgent, config: {} },
  subscription: null,
  goals: [],
  runs: [],
  deliverables: [],
  approvals: [{ approval_id: 'appr-1', deliverable_id: 'del-1', decision: 'approved', reviewer: CUSTOMER_ID }],
  executions: [],
  decisions: [],
  denials: [],
};

const denial: Denial = {
  denial_id: 'den-1',
  correlation_id: 'corr-1',
  subscription_id: 'sub-1',
  customer_id: CUSTOMER_ID,
  customer_name: 'Demo Clinic',
  deliverable_id: 'del-1',
  action: 'publish',
  reason: 'approval_missing',
  detail: null,
  inputs: {},
  policy_version: 'p1',
  denied_at: '2025-01-10T09:00:00Z',
};

const timeline: CorrelationTimeline = {
  correlation_id: 'corr-1',
  outcome: 'denied',
  deliverable_id: 'del-1',
  subscription_id: 'sub-1',
  customer_id: CUSTOMER_ID,
  customer_name: 'Demo Clinic',
  timeline: [],
};

/** Signs in with this role, opens the page on this backend and finds the table named so. */
function tableOnPage(role: Parameters<typeof signedInAs>[0], path: string, table: string, backend: Parameters<typeof stubBackend>[0]) {
  signedInAs(role);
  stubBackend(backend);
  renderApp(ppRoutes, path);
  return screen.findByRole('table', { name: table });
}

describe('PP shows customers by their display name', () => {
  it('names the customer, with email and id only in the tooltip', () => {
    render(<Customer id={CUSTOMER_ID} email="demo@myagents.local" name="Demo Clinic" />);

    const shown = screen.getByText('Demo Clinic');
    expect(shown).toHaveAttribute('title', `demo@myagents.local · ${CUSTOMER_ID}`);
    expect(document.body).not.toHaveTextContent(CUSTOMER_ID);
  });

  it('falls back to the email, then to words, never to a bare id', () => {
    const { rerender } = render(<Customer id={CUSTOMER_ID} email="demo@myagents.local" name={null} />);
    expect(screen.getByText('demo@myagents.local')).toHaveAttribute('title', CUSTOMER_ID);

    rerender(<Customer id={CUSTOMER_ID} />);
    expect(screen.getByText('a customer')).toHaveAttribute('title', CUSTOMER_ID);
    expect(document.body).not.toHaveTextContent(CUSTOMER_ID);

    rerender(<Customer id={null} />);
    expect(document.body).toHaveTextContent('—');
  });

  it('keeps the email and id in a details disclosure where asked', async () => {
    render(<Customer id={CUSTOMER_ID} email="demo@myagents.local" name="Demo Clinic" details />);

    const disclosure = screen.getByText('Customer details').closest('details')!;
    expect(disclosure).not.toHaveAttribute('open');
    await userEvent.click(screen.getByText('Customer details'));
    expect(disclosure).toHaveAttribute('open');
    expect(disclosure).toHaveTextContent('demo@myagents.local');
    expect(disclosure).toHaveTextContent(CUSTOMER_ID);
  });

  it('in the hired-agent search and on the hired agent, where the customer’s own approvals name them too', async () => {
    const results = await tableOnPage('support', '/ops/hired-agents?email=clinic', 'Hired agents found', {
      'GET /api/pp/ops/hired-agents': json(200, { hired_agents: [summary], page: 0, size: 25, total: 1 }),
      'GET /api/pp/ops/hired-agents/hired-1': json(200, instance),
    });
    expect(within(results).getByText('Demo Clinic')).toHaveAttribute('title', `demo@myagents.local · ${CUSTOMER_ID}`);
    await userEvent.click(within(results).getByRole('link', { name: 'Clinic Marketing' }));

    await screen.findByRole('heading', { name: 'Clinic Marketing', level: 1 });
    const facts = screen.getByRole('region', { name: 'Instance' });
    expect(within(facts).getByText('Demo Clinic')).toBeInTheDocument();
    expect(within(facts).getByText('Customer details')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Approvals' })).toHaveTextContent('Demo Clinic (customer)');
  });

  it('in the denials list and on the correlation page', async () => {
    const table = await tableOnPage('auditor', '/ops/denials', 'Denials', {
      'GET /api/pp/ops/denials': json(200, { denials: [denial], page: 0, size: 25, total: 1 }),
      'GET /api/pp/ops/correlations/corr-1': json(200, timeline),
    });
    expect(within(table).getByText('Demo Clinic')).toHaveAttribute('title', CUSTOMER_ID);
    expect(table).not.toHaveTextContent(CUSTOMER_ID);

    await userEvent.click(within(table).getByRole('link', { name: 'Correlation corr-1' }));
    const outcome = await screen.findByRole('region', { name: 'Outcome' });
    expect(within(outcome).getByText('Demo Clinic')).toBeInTheDocument();
  });
});
