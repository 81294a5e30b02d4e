import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedInCustomer, twoAgents } from '../../test/cpFixtures';
import { goal, marketingDefinition } from '../../test/definitions';
import { json, problem, stubBackend } from '../../test/http';
import type { RecordedCall } from '../../test/http';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';
import type { Deliverable } from '../cpApi';

const approved: Deliverable = {
  deliverable_id: 'del-1',
  kind: 'social_post',
  title: 'Flu season reminder',
  state: 'approved',
  payload: { platform: 'linkedin', text: 'Get your flu shot this week.' },
  proposed_actions: ['publish'],
  approval: { approval_id: 'appr-1', verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' },
};

const overBudget: Deliverable = {
  ...approved,
  retryable: true,
  failure_reason: 'budget_exceeded',
  last_execution: { correlation_id: 'corr-1', status: 'denied', reason: 'budget_exceeded' },
};

type Handler = Response | ((call: RecordedCall) => Response);

function openReview(list: () => Deliverable[], extra: Record<string, Handler>): RecordedCall[] {
  signedInCustomer();
  const calls = stubBackend({
    'GET /api/cp/my-agents/summary': json(200, twoAgents),
    'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, marketingDefinition),
    'GET /api/cp/hired-agents/hired-1/goals': json(200, { goals: [goal()] }),
    'GET /api/cp/hired-agents/hired-1/deliverables': () => json(200, { deliverables: list() }),
    ...extra,
  });
  renderApp(cpRoutes, '/?agent=hired-1&tab=review');
  return calls;
}

const posts = (calls: RecordedCall[], path: string) => calls.filter((call) => call.method === 'POST' && call.path === path);

describe('Review tab: retrying an execution denied for a reason the customer can fix', () => {
  it('says why in words and offers Retry, which approves again and carries it out under the new approval', async () => {
    const calls = openReview(() => [overBudget], {
      'POST /api/cp/deliverables/del-1/review': json(200, {
        ...approved,
        approval: { approval_id: 'appr-2', verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' },
      }),
      'POST /api/cp/deliverables/del-1/execute': json(202, { correlation_id: 'corr-2', outcome: 'allowed' }),
    });
    const user = userEvent.setup();
    const item = (await screen.findByRole('heading', { name: 'Flu season reminder' })).closest('li')!;

    expect(item).toHaveTextContent("Not carried out: This would go over the agent's monthly budget. Raise the budget, or wait for next month.");
    expect(within(item).queryByRole('button', { name: 'Publish…' })).not.toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Retry' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish this post?' });
    expect(dialog).toHaveTextContent('This approves the draft again, then carries it out.');
    await user.click(within(dialog).getByRole('button', { name: 'Publish now' }));

    await waitFor(() => expect(posts(calls, '/api/cp/deliverables/del-1/execute')).toHaveLength(1));
    expect(posts(calls, '/api/cp/deliverables/del-1/review')[0].body).toEqual({ decision: 'approved' });
    expect(posts(calls, '/api/cp/deliverables/del-1/execute')[0].body).toEqual({ approval_id: 'appr-2', action: 'publish' });
  });

  it('keeps Retry on offer right after a denial, so the customer can try again once they fixed it', async () => {
    let current: Deliverable = approved;
    openReview(() => [current], {
      'POST /api/cp/deliverables/del-1/execute': () => {
        current = overBudget;
        return problem(403, { title: 'Execution denied', reason: 'budget_exceeded', correlation_id: 'corr-1' });
      },
    });
    const user = userEvent.setup();
    const item = (await screen.findByRole('heading', { name: 'Flu season reminder' })).closest('li')!;

    await user.click(within(item).getByRole('button', { name: 'Publish…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Publish now' }));

    expect(await within(item).findByRole('alert')).toHaveTextContent("Not carried out: This would go over the agent's monthly budget.");
    expect(await within(item).findByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
