import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedInCustomer, twoAgents } from '../../test/cpFixtures';
import { json, problem, stubBackend } from '../../test/http';
import type { RecordedCall } from '../../test/http';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';
import type { Deliverable } from '../cpApi';

const unapprovedPost: Deliverable = {
  deliverable_id: 'del-1',
  goal_template_id: 'daily_micro_post',
  kind: 'social_post',
  title: 'Flu season reminder',
  state: 'pending_review',
  payload: { text: 'Get your flu shot this week.' },
  proposed_actions: ['publish'],
  approval_id: null,
  created_at: '2025-01-10T08:00:00Z',
};

const approvedOrder: Deliverable = {
  deliverable_id: 'del-2',
  kind: 'trade_intent',
  state: 'approved',
  proposed_actions: ['place_order'],
  approval_id: 'appr-9',
};

function openReview(deliverables: Deliverable[], execute: Record<string, Response> = {}): RecordedCall[] {
  signedInCustomer();
  const calls = stubBackend({
    'GET /api/cp/my-agents/summary': json(200, twoAgents),
    'GET /api/cp/hired-agents/hired-1/deliverables': json(200, { deliverables }),
    ...Object.fromEntries(
      Object.entries(execute).map(([deliverableId, answer]) => [`POST /api/cp/deliverables/${deliverableId}/execute`, answer]),
    ),
  });
  renderApp(cpRoutes, '/?agent=hired-1&tab=review');
  return calls;
}

async function draftItem(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title });
  return heading.closest('li')!;
}

describe('Review tab', () => {
  it('shows the denial reason and correlation id when execution is refused', async () => {
    // Given an unapproved draft that enforcement will refuse
    const calls = openReview([unapprovedPost], {
      'del-1': problem(403, {
        title: 'Execution denied',
        detail: 'This draft has no approval.',
        reason: 'approval_missing',
        correlation_id: 'corr-deny-42',
      }),
    });
    const item = await draftItem('Flu season reminder');

    // When the customer executes it
    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    // Then the denial is shown with its reason and correlation id
    const denial = await within(item).findByRole('alert');
    expect(denial).toHaveTextContent('Execution denied');
    expect(denial).toHaveTextContent('approval_missing');
    expect(denial).toHaveTextContent('This draft has no approval.');
    expect(denial).toHaveTextContent('Correlation id: corr-deny-42');
    // and the request carried the proposed action but no approval it does not have
    const execute = calls.find((call) => call.method === 'POST')!;
    expect(execute.path).toBe('/api/cp/deliverables/del-1/execute');
    expect(execute.body).toEqual({ action: 'publish' });
  });

  it('shows the outcome of an allowed execution and sends the approval id', async () => {
    const calls = openReview([approvedOrder], {
      'del-2': json(202, { correlation_id: 'corr-ok-7', outcome: 'dry_run' }),
    });
    const item = await draftItem('trade intent');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    const outcome = await within(item).findByText(/Outcome:/);
    expect(outcome.closest('[role="status"]')).toHaveTextContent('Outcome: dry run');
    expect(within(item).getByText('corr-ok-7')).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ approval_id: 'appr-9', action: 'place_order' });
  });

  it('offers one Execute per proposed action when a draft proposes several', async () => {
    openReview([{ ...unapprovedPost, proposed_actions: ['publish', 'send'] }]);
    const item = await draftItem('Flu season reminder');

    const buttons = within(item).getAllByRole('button');

    expect(buttons.map((button) => button.textContent)).toEqual(['Execute publish', 'Execute send']);
  });

  it('shows other failures as a problem, not as a denial', async () => {
    openReview([unapprovedPost], {
      'del-1': problem(500, { title: 'Internal Server Error', correlation_id: 'corr-500' }),
    });
    const item = await draftItem('Flu season reminder');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    const alert = await within(item).findByRole('alert');
    expect(alert).toHaveTextContent('Internal Server Error');
    expect(alert).not.toHaveTextContent('Execution denied');
  });

  it('shows an empty state when the agent has no drafts', async () => {
    openReview([]);

    expect(await screen.findByText('No drafts for Clinic buzz yet.')).toBeInTheDocument();
  });

  it('shows the problem when the drafts cannot be loaded', async () => {
    signedInCustomer();
    stubBackend({
      'GET /api/cp/my-agents/summary': json(200, twoAgents),
      'GET /api/cp/hired-agents/hired-1/deliverables': problem(502, { title: 'Bad Gateway', correlation_id: 'corr-502' }),
    });
    renderApp(cpRoutes, '/?agent=hired-1&tab=review');

    const alert = await screen.findByRole('alert');

    expect(alert).toHaveTextContent('Bad Gateway');
    expect(alert).toHaveTextContent('corr-502');
  });
});
