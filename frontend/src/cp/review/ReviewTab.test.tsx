import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedInCustomer, twoAgents } from '../../test/cpFixtures';
import { goal, marketingDefinition, socialPost } from '../../test/definitions';
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
  approval: null,
  created_at: '2025-01-10T08:00:00Z',
};

const approvedOrder: Deliverable = {
  deliverable_id: 'del-2',
  kind: 'trade_intent',
  state: 'approved',
  proposed_actions: ['place_order'],
  approval: { approval_id: 'appr-9', verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' },
};

type Handler = Response | ((call: RecordedCall) => Response);

function openReview(deliverables: Deliverable[] | ((call: RecordedCall) => Response), extra: Record<string, Handler> = {}): RecordedCall[] {
  signedInCustomer();
  const calls = stubBackend({
    'GET /api/cp/my-agents/summary': json(200, twoAgents),
    'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, marketingDefinition),
    'GET /api/cp/hired-agents/hired-1/goals': json(200, { goals: [goal()] }),
    'GET /api/cp/hired-agents/hired-1/deliverables': typeof deliverables === 'function' ? deliverables : json(200, { deliverables }),
    ...extra,
  });
  renderApp(cpRoutes, '/?agent=hired-1&tab=review');
  return calls;
}

async function draftItem(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title });
  return heading.closest('li')!;
}

const posts = (calls: RecordedCall[], path: string) => calls.filter((call) => call.method === 'POST' && call.path === path);

describe('Review tab: execute', () => {
  it('shows the denial reason and correlation id when execution is refused', async () => {
    // Given an unapproved draft that enforcement will refuse
    const calls = openReview([unapprovedPost], {
      'POST /api/cp/deliverables/del-1/execute': problem(403, {
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

  it('sends the approval id and follows an allowed execution to its result', async () => {
    const calls = openReview([approvedOrder], {
      'POST /api/cp/deliverables/del-2/execute': json(202, {
        correlation_id: 'corr-ok-7',
        outcome: 'allowed',
        decision_id: 'dec-1',
        reason: 'allowed',
      }),
      'GET /api/cp/deliverables/del-2': json(200, {
        ...approvedOrder,
        state: 'executed',
        last_execution: {
          correlation_id: 'corr-ok-7',
          status: 'executed',
          reason: 'allowed',
          result: { status: 'executed', external_id: 'order-5512' },
        },
      }),
    });
    const item = await draftItem('trade intent');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    const outcome = await within(item).findByText(/Result:/);
    expect(outcome).toHaveTextContent('Result: Executed (external id order-5512)');
    expect(outcome.closest('[role="status"]')).toHaveTextContent('Decision: allowed');
    expect(within(item).getByText('corr-ok-7')).toBeInTheDocument();
    expect(posts(calls, '/api/cp/deliverables/del-2/execute')[0].body).toEqual({ approval_id: 'appr-9', action: 'place_order' });
  });

  it('shows a dry-run record as such', async () => {
    openReview([approvedOrder], {
      'POST /api/cp/deliverables/del-2/execute': json(202, { correlation_id: 'corr-dry', outcome: 'allowed' }),
      'GET /api/cp/deliverables/del-2': json(200, {
        ...approvedOrder,
        last_execution: { correlation_id: 'corr-dry', status: 'allowed', result: { status: 'dry_run', detail: 'Trial: order recorded only.' } },
      }),
    });
    const item = await draftItem('trade intent');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    const record = (await within(item).findByText('Dry-run record')).closest('p');
    expect(record).toHaveTextContent('Result: Dry-run record — nothing was sent; this is what would have been. Trial: order recorded only.');
  });

  it('shows a structured dry-run record by its label, with the record itself folded away', async () => {
    const record = { label: 'DRY RUN: nothing was sent', requests: [{ method: 'POST', url: 'https://api.example/posts' }] };
    openReview([approvedOrder], {
      'POST /api/cp/deliverables/del-2/execute': json(202, { correlation_id: 'corr-dry2', outcome: 'allowed' }),
      'GET /api/cp/deliverables/del-2': json(200, {
        ...approvedOrder,
        last_execution: { correlation_id: 'corr-dry2', status: 'executed', result: { status: 'dry_run', detail: JSON.stringify(record) } },
      }),
    });
    const item = await draftItem('trade intent');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    expect((await within(item).findByText('Dry-run record')).closest('p')).toHaveTextContent(
      'Result: Dry-run record — nothing was sent; this is what would have been. DRY RUN: nothing was sent',
    );
    expect(within(item).getByText('What would have been sent').closest('details')).toHaveTextContent('https://api.example/posts');
  });

  it('asks for the decision when it came late, and shows a late denial', async () => {
    openReview([approvedOrder], {
      'POST /api/cp/deliverables/del-2/execute': json(202, {
        correlation_id: 'corr-late',
        outcome: 'pending',
        status_url: '/api/v1/executions/corr-late',
      }),
      'GET /api/cp/executions/corr-late': problem(403, {
        title: 'Execution denied',
        reason: 'approval_expired',
        correlation_id: 'corr-late',
      }),
    });
    const item = await draftItem('trade intent');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    const denial = await within(item).findByRole('alert');
    expect(denial).toHaveTextContent('approval_expired');
    expect(denial).toHaveTextContent('corr-late');
  });

  it('offers one Execute per proposed action when a draft proposes several', async () => {
    openReview([{ ...unapprovedPost, proposed_actions: ['publish', 'send'] }]);
    const item = await draftItem('Flu season reminder');

    const buttons = within(item).getAllByRole('button', { name: /^Execute/ });

    expect(buttons.map((button) => button.textContent)).toEqual(['Execute publish', 'Execute send']);
  });

  it('shows other failures as a problem, not as a denial', async () => {
    openReview([unapprovedPost], {
      'POST /api/cp/deliverables/del-1/execute': problem(500, { title: 'Internal Server Error', correlation_id: 'corr-500' }),
    });
    const item = await draftItem('Flu season reminder');

    await userEvent.click(within(item).getByRole('button', { name: 'Execute' }));

    const alert = await within(item).findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side');
    expect(alert).not.toHaveTextContent('Execution denied');
  });

  it('shows the last execution a draft already had', async () => {
    openReview([
      {
        ...approvedOrder,
        state: 'approved',
        last_execution: { correlation_id: 'corr-old', status: 'denied', reason: 'trial_cap_exceeded' },
      },
    ]);
    const item = await draftItem('trade intent');

    expect(within(item).getByText(/Last execution/)).toHaveTextContent('Last execution: denied (trial cap exceeded) · correlation id corr-old');
  });
});

describe('Review tab: review', () => {
  it('approves a draft with notes in the detail panel; Plant records the approval', async () => {
    let current = socialPost();
    const calls = openReview(() => json(200, { deliverables: [current] }), {
      'POST /api/cp/deliverables/del-1/review': (call) => {
        current = {
          ...current,
          state: 'approved',
          approval: { approval_id: 'appr-1', verdict: 'approved', notes: 'Looks good', expires_at: '2030-01-01T00:00:00Z' },
        };
        expect(call.body).toEqual({ decision: 'approved', notes: 'Looks good' });
        return json(200, current);
      },
    });
    const user = userEvent.setup();
    const item = await draftItem('social post · x');

    await user.click(within(item).getByRole('button', { name: 'Review' }));
    const panel = screen.getByRole('complementary', { name: 'social post · x' });
    expect(within(panel).getByRole('heading', { name: 'social post · x' })).toHaveFocus();
    expect(within(panel).getByText('Goal: Weekly multichannel posting batch', { exact: false })).toBeInTheDocument();
    await user.type(within(panel).getByLabelText('Notes (optional)'), 'Looks good');
    await user.click(within(panel).getByRole('button', { name: 'Approve' }));

    expect(await within(panel).findByRole('status')).toHaveTextContent('Approved. Approval id appr-1');
    await waitFor(() => expect(within(item).getByText('approved')).toBeInTheDocument());
    expect(within(panel).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(posts(calls, '/api/cp/deliverables/del-1/review')).toHaveLength(1);
  });

  it('rejects a draft and shows an illegal transition as a problem', async () => {
    openReview([socialPost()], {
      'POST /api/cp/deliverables/del-1/review': problem(409, { title: 'Conflict', detail: 'The draft was already reviewed.' }),
    });
    const user = userEvent.setup();
    const item = await draftItem('social post · x');

    await user.click(within(item).getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Reject' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The draft was already reviewed.');
  });

  it('approves the selected drafts in one batch, each with its own approval', async () => {
    const drafts = [
      socialPost({ deliverable_id: 'del-a', payload: { platform: 'x', text: 'A', char_limit: 280 } }),
      socialPost({ deliverable_id: 'del-b', payload: { platform: 'linkedin', text: 'B', char_limit: 3000 } }),
      socialPost({ deliverable_id: 'del-c', state: 'approved', payload: { platform: 'instagram', text: 'C' } }),
    ];
    const calls = openReview(drafts, {
      'POST /api/cp/deliverables/review-batch': json(200, {
        results: [
          { deliverable_id: 'del-a', status: 'approved', approval_id: 'appr-a' },
          { deliverable_id: 'del-b', status: 'conflict', problem: { title: 'Conflict', detail: 'already rejected' } },
        ],
      }),
    });
    const user = userEvent.setup();
    await draftItem('social post · x');

    // only drafts awaiting review can be selected
    expect(screen.getAllByRole('checkbox', { name: /for batch approval/ })).toHaveLength(2);
    await user.click(screen.getByRole('checkbox', { name: 'Select all 2 drafts awaiting review' }));
    const batch = screen.getByRole('region', { name: 'Batch approval' });
    await user.type(within(batch).getByLabelText('Notes for each approval (optional)'), 'week 1');
    await user.click(within(batch).getByRole('button', { name: 'Approve selected (2)' }));

    const outcome = await within(batch).findByRole('status');
    expect(outcome).toHaveTextContent('1 approved, 1 not approved');
    expect(outcome).toHaveTextContent('del-b: already rejected');
    expect(posts(calls, '/api/cp/deliverables/review-batch')[0].body).toEqual({
      deliverable_ids: ['del-a', 'del-b'],
      decision: 'approved',
      notes: 'week 1',
    });
    // the one that failed stays selected for another try
    expect(screen.getByRole('checkbox', { name: 'Select social post · linkedin for batch approval' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select social post · x for batch approval' })).not.toBeChecked();
  });
});

describe('Review tab: browsing', () => {
  it('filters by state, goal and platform on the server', async () => {
    const calls = openReview([socialPost(), socialPost({ deliverable_id: 'del-2', payload: { platform: 'linkedin', text: 'Hi' } })]);
    const user = userEvent.setup();
    await draftItem('social post · x');

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'approved');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Goal' }), 'goal-1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Platform' }), 'linkedin');

    await waitFor(() =>
      expect(calls.filter((call) => call.path.endsWith('/deliverables')).map((call) => call.search)).toContain(
        '?state=approved&goal_instance_id=goal-1&platform=linkedin&page=0&size=50',
      ),
    );
    expect(within(screen.getByRole('combobox', { name: 'Goal' })).getByRole('option', { name: 'Weekly multichannel posting batch (weekly)' })).toBeInTheDocument();
  });

  it('previews each post with its length against the platform limit', async () => {
    openReview([
      socialPost(),
      socialPost({ deliverable_id: 'del-long', payload: { platform: 'linkedin', text: 'x'.repeat(300), character_limit: 280 } }),
    ]);

    const short = await draftItem('social post · x');
    expect(within(short).getByRole('figure', { name: 'x preview' })).toHaveTextContent('Get your flu shot this week.');
    expect(within(short).getByText('28 / 280 characters')).toBeInTheDocument();
    expect(within(short).getByText('#FluShot')).toBeInTheDocument();
    const long = await draftItem('social post · linkedin');
    expect(within(long).getByText(/300 \/ 280 characters/)).toHaveTextContent('300 / 280 characters — 20 over the limit');
  });

  it('lays a campaign pack out by week in a calendar', async () => {
    openReview([
      socialPost({ deliverable_id: 'w2', payload: { platform: 'x', text: 'Week two', campaign_week: 2, suggested_slot: { local: '2025-03-10T09:00', timezone: 'Asia/Kolkata', at: '2025-03-10T03:30:00Z' } } }),
      socialPost({ deliverable_id: 'w1b', payload: { platform: 'x', text: 'Week one, later', week: 1, scheduled_slot: '2025-03-05T10:00:00Z' } }),
      socialPost({ deliverable_id: 'w1a', payload: { platform: 'x', text: 'Week one, first', week: 1, scheduled_slot: '2025-03-03T10:00:00Z' } }),
    ]);
    const user = userEvent.setup();
    await screen.findAllByRole('heading', { name: /social post/ });

    await user.click(screen.getByRole('button', { name: 'Calendar' }));

    const weeks = screen.getAllByRole('region', { name: /^Week/ });
    expect(weeks.map((week) => within(week).getByRole('heading').textContent)).toEqual(['Week 1', 'Week 2']);
    expect(within(weeks[0]).getAllByRole('button').map((entry) => entry.querySelector('.calendar-snippet')!.textContent)).toEqual([
      'Week one, first',
      'Week one, later',
    ]);
    expect(within(weeks[1]).getByRole('button')).toHaveTextContent('2025-03-10 09:00 (Asia/Kolkata)');
    await user.click(within(weeks[1]).getByRole('button'));
    expect(screen.getByRole('complementary')).toHaveTextContent('Week two');
    expect(within(screen.getByRole('complementary')).getByRole('button', { name: 'Execute' })).toBeInTheDocument();
  });

  it('shows an empty state when the agent has no drafts', async () => {
    openReview([]);

    expect(await screen.findByText('No drafts for Clinic buzz yet.')).toBeInTheDocument();
  });

  it('shows the problem when the drafts cannot be loaded', async () => {
    openReview(() => problem(502, { title: 'Bad Gateway', correlation_id: 'corr-502' }));

    const alert = await screen.findByRole('alert');

    expect(alert).toHaveTextContent('A service we depend on did not answer');
    expect(alert).toHaveTextContent('corr-502');
  });
});
