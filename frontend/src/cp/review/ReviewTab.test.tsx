import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instance, summaryOf, twoAgents } from '../../test/cpFixtures';
import { socialPost } from '../../test/definitions';
import { json, problem } from '../../test/http';
import type { RecordedCall } from '../../test/http';
import { draftItem, draftPanel, openReviewTab, postsTo } from '../../test/reviewFixtures';
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

/** The draft says it goes out on Mon 4 Mar 2030 at 09:30 (the agent's time), sent as this instant. */
async function expectApprovedForMonday0930(calls: RecordedCall[], scheduledFor: string) {
  expect(await screen.findByText(/Approved for Mon, 4 Mar 2030, 09:30: it goes out by itself then\./)).toBeInTheDocument();
  expect(postsTo(calls, '/api/cp/deliverables/del-1/review')[0].body).toEqual({ decision: 'approved', scheduled_for: scheduledFor });
}

async function confirmIn(item: HTMLElement, button: string | RegExp, confirm: string) {
  await userEvent.click(within(item).getByRole('button', { name: button }));
  const dialog = screen.getByRole('dialog');
  await userEvent.click(within(dialog).getByRole('button', { name: confirm }));
}

const approvedPost: Deliverable = {
  ...unapprovedPost,
  state: 'approved',
  payload: { platform: 'linkedin', text: 'Get your flu shot this week.' },
  approval: { approval_id: 'appr-1', verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' },
};

const orderPayload = { order: { product_symbol: 'BTCUSD', side: 'buy', size: 2, limit_price: 65000 }, currency: 'USD' };

describe('Review tab: execute', () => {
  it('offers no Execute on a draft that is not approved, nor on a rejected one', async () => {
    openReviewTab([unapprovedPost, { ...unapprovedPost, deliverable_id: 'del-r', title: 'Rejected one', state: 'rejected' }]);
    const pending = await draftItem('Flu season reminder');
    const rejected = await draftItem('Rejected one');

    expect(within(pending).queryByRole('button', { name: /Publish|Execute/ })).not.toBeInTheDocument();
    expect(within(rejected).queryByRole('button', { name: /Publish|Execute/ })).not.toBeInTheDocument();
    expect(within(pending).getByText('Waiting for review')).toBeInTheDocument();
  });

  it('restates the post and its platform before publishing, and publishes only when confirmed', async () => {
    const calls = openReviewTab([approvedPost], {
      'POST /api/cp/deliverables/del-1/execute': json(202, { correlation_id: 'corr-1', outcome: 'allowed' }),
      'GET /api/cp/deliverables/del-1': json(200, approvedPost),
    });
    const item = await draftItem('Flu season reminder');

    await userEvent.click(within(item).getByRole('button', { name: 'Publish…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish this post?' });
    expect(dialog).toHaveTextContent('This post goes out on LinkedIn now:');
    expect(dialog).toHaveTextContent('Get your flu shot this week.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')).toHaveLength(0);

    await confirmIn(item, 'Publish…', 'Publish now');
    await waitFor(() => expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')).toHaveLength(1));
    expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')[0].body).toEqual({ approval_id: 'appr-1', action: 'publish' });
  });

  it('restates side, size, price, notional and currency before placing an order, then shows it placed', async () => {
    const order = { ...approvedOrder, payload: orderPayload };
    const calls = openReviewTab([order], {
      'POST /api/cp/deliverables/del-2/execute': json(202, { correlation_id: 'corr-ok-7', outcome: 'allowed', reason: 'allowed' }),
      'GET /api/cp/deliverables/del-2': json(200, {
        ...order,
        state: 'executed',
        last_execution: {
          correlation_id: 'corr-ok-7',
          status: 'executed',
          reason: 'allowed',
          result: { status: 'executed', external_id: 'order-5512' },
        },
      }),
    });
    const item = await draftItem('trade intent · buy 2 BTCUSD (limit 65000)');

    await userEvent.click(within(item).getByRole('button', { name: 'Place order…' }));
    const dialog = screen.getByRole('dialog', { name: 'Place this order?' });
    expect(dialog).toHaveTextContent('SideBuy');
    expect(dialog).toHaveTextContent('Size2 BTCUSD');
    expect(dialog).toHaveTextContent('Pricelimit 65000');
    expect(dialog).toHaveTextContent('Notional1,30,000 USD');
    expect(dialog).toHaveTextContent('CurrencyUSD');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Place order' }));

    expect(await within(item).findByText('Order placed.')).toBeInTheDocument();
    expect(postsTo(calls, '/api/cp/deliverables/del-2/execute')[0].body).toEqual({ approval_id: 'appr-9', action: 'place_order' });
  });

  it('labels a dry run "Dry run — nothing was sent" and shows what would have been sent, raw record folded away', async () => {
    const order = { ...approvedOrder, payload: orderPayload };
    openReviewTab([order], {
      'POST /api/cp/deliverables/del-2/execute': json(202, { correlation_id: 'corr-dry', outcome: 'allowed' }),
      'GET /api/cp/deliverables/del-2': json(200, {
        ...order,
        state: 'dry_run',
        last_execution: {
          correlation_id: 'corr-dry',
          status: 'allowed',
          result: {
            status: 'dry_run',
            detail: 'Trial: order recorded only.',
            request_summary: { symbol: 'BTCUSD', side: 'buy', size: 2, order_type: 'limit_order', limit_price: 65000, client_order_id: 'c-1' },
          },
        },
      }),
    });
    const item = await draftItem(/trade intent/);

    await confirmIn(item, 'Place order…', 'Place order');

    const outcome = await within(item).findByText('Dry run — nothing was sent.');
    const box = outcome.closest('[role="status"]')!;
    expect(box).toHaveTextContent('Would have placed: buy 2 BTCUSD, limit order at 65000');
    expect(within(box as HTMLElement).getByText('Show the full record').closest('details')).not.toHaveAttribute('open');
  });

  it('badges a dry-run draft as such (also the older executed+dry_run shape), with no Execute on a trial', async () => {
    openReviewTab([
      {
        ...approvedPost,
        title: 'Tried post',
        state: 'executed',
        last_execution: {
          correlation_id: 'corr-d',
          status: 'executed',
          result: { status: 'dry_run', request_summary: { platform: 'linkedin', text: 'Get your flu shot this week.' } },
        },
      },
    ]);
    const item = await draftItem('Tried post');

    expect(within(item).getAllByText('Dry run — nothing was sent').length).toBeGreaterThan(0);
    expect(item).toHaveTextContent('Would have posted on LinkedIn:');
    expect(within(item).queryByRole('button', { name: /Publish|Execute/ })).not.toBeInTheDocument();
  });

  it('shows a denial in words with the next step; codes and ids only under Details', async () => {
    openReviewTab([approvedOrder], {
      'POST /api/cp/deliverables/del-2/execute': json(202, { correlation_id: 'corr-late', outcome: 'pending' }),
      'GET /api/cp/executions/corr-late': problem(403, {
        title: 'Execution denied',
        reason: 'approval_expired',
        detail: 'the approval expired',
        correlation_id: 'corr-late',
      }),
    });
    const item = await draftItem('trade intent');

    await confirmIn(item, 'Execute…', 'Carry out now');

    const denial = await within(item).findByRole('alert');
    expect(denial).toHaveTextContent('Not carried out: The approval has expired.');
    expect(denial).toHaveTextContent('Review the draft again to approve it for now.');
    expect(within(denial).getByText('Details').closest('details')).toHaveTextContent('approval_expired');
  });

  it('shows other failures as a problem, not as a denial', async () => {
    openReviewTab([approvedPost], {
      'POST /api/cp/deliverables/del-1/execute': problem(500, { title: 'Internal Server Error', correlation_id: 'corr-500' }),
    });
    const item = await draftItem('Flu season reminder');

    await confirmIn(item, 'Publish…', 'Publish now');

    const alert = await within(item).findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side');
    expect(alert).not.toHaveTextContent('Not carried out');
  });

  it('shows the last execution a draft already had, in words', async () => {
    openReviewTab([
      {
        ...approvedOrder,
        last_execution: { correlation_id: 'corr-old', status: 'denied', reason: 'trial_cap_exceeded' },
      },
    ]);
    const item = await draftItem('trade intent');

    expect(item).toHaveTextContent("Not carried out: Today's trial allowance is used up.");
    expect(within(item).getByText('Details', { selector: 'summary' }).closest('details')).toHaveTextContent('corr-old');
  });

  it('offers "Publish for real" after a dry run on a paid plan: approve again, then execute', async () => {
    const dryRun: Deliverable = {
      ...approvedPost,
      state: 'dry_run',
      last_execution: { correlation_id: 'corr-d', status: 'allowed', result: { status: 'dry_run' } },
    };
    const calls = openReviewTab([dryRun], {
      'GET /api/cp/my-agents/summary': json(200, { ...twoAgents, instances: [{ ...twoAgents.instances[0], plan: 'paid' }] }),
      'POST /api/cp/deliverables/del-1/review': json(200, {
        ...dryRun,
        state: 'approved',
        approval: { approval_id: 'appr-new', verdict: 'approved' },
      }),
      'POST /api/cp/deliverables/del-1/execute': json(202, { correlation_id: 'corr-real', outcome: 'allowed' }),
      'GET /api/cp/deliverables/del-1': json(200, dryRun),
    });
    const item = await draftItem('Flu season reminder');

    await confirmIn(item, 'Publish for real', 'Publish now');

    await waitFor(() => expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')).toHaveLength(1));
    expect(postsTo(calls, '/api/cp/deliverables/del-1/review')[0].body).toEqual({ decision: 'approved' });
    expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')[0].body).toEqual({ approval_id: 'appr-new', action: 'publish' });
  });

  it('explains a retryable failure and offers Retry', async () => {
    openReviewTab([{ ...approvedPost, state: 'failed', retryable: true, failure_reason: 'approval_expired' }]);
    const item = await draftItem('Flu season reminder');

    expect(item).toHaveTextContent('It failed: The approval has expired. You can retry it.');
    expect(within(item).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says an expired approval must be reviewed again, and offers no Execute', async () => {
    openReviewTab([{ ...approvedPost, approval: { approval_id: 'a', verdict: 'approved', expires_at: '2020-01-01T00:00:00Z' } }]);
    const item = await draftItem('Flu season reminder');

    expect(item).toHaveTextContent('Approval expired — review again');
    expect(within(item).queryByRole('button', { name: 'Publish…' })).not.toBeInTheDocument();
  });
});

describe('Review tab: review', () => {
  it('approves a draft with notes in the detail panel; Plant records the approval', async () => {
    let current = socialPost();
    const calls = openReviewTab(() => json(200, { deliverables: [current] }), {
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
    const item = await draftItem('social post · X');

    await user.click(within(item).getByRole('button', { name: 'Review' }));
    const panel = screen.getByRole('complementary', { name: 'social post · X' });
    expect(within(panel).getByRole('heading', { name: 'social post · X' })).toHaveFocus();
    expect(within(panel).getByText('Goal: Weekly multichannel posting batch', { exact: false })).toBeInTheDocument();
    await user.type(within(panel).getByLabelText('Notes (optional; kept on the draft)'), 'Looks good');
    await user.click(within(panel).getByRole('button', { name: 'Approve' }));

    const status = await within(panel).findByRole('status');
    expect(status).toHaveTextContent('Approved. Publish it from its card when you are ready.');
    expect(status).not.toHaveTextContent('appr-1');
    await waitFor(() => expect(within(item).getByText('Approved')).toBeInTheDocument());
    expect(within(panel).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(postsTo(calls, '/api/cp/deliverables/del-1/review')).toHaveLength(1);
  });

  it('rejects a draft and shows an illegal transition as a problem', async () => {
    openReviewTab([socialPost()], {
      'POST /api/cp/deliverables/del-1/review': problem(409, { title: 'Conflict', detail: 'The draft was already reviewed.' }),
    });
    const user = userEvent.setup();
    await draftPanel('social post · X', 'Review');
    await user.click(screen.getByRole('button', { name: 'Reject' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The draft was already reviewed.');
  });

  it('approves the selected drafts in one batch, each with its own approval', async () => {
    const drafts = [
      socialPost({ deliverable_id: 'del-a', payload: { platform: 'x', text: 'A', char_limit: 280 } }),
      socialPost({ deliverable_id: 'del-b', payload: { platform: 'linkedin', text: 'B', char_limit: 3000 } }),
      socialPost({ deliverable_id: 'del-c', state: 'approved', payload: { platform: 'instagram', text: 'C' } }),
    ];
    const calls = openReviewTab(drafts, {
      'POST /api/cp/deliverables/review-batch': json(200, {
        results: [
          { deliverable_id: 'del-a', status: 'approved', approval_id: 'appr-a' },
          { deliverable_id: 'del-b', status: 'conflict', problem: { title: 'Conflict', detail: 'already rejected' } },
        ],
      }),
    });
    const user = userEvent.setup();
    await draftItem('social post · X');

    // only drafts awaiting review can be selected
    expect(screen.getAllByRole('checkbox', { name: /for batch approval/ })).toHaveLength(2);
    await user.click(screen.getByRole('checkbox', { name: 'Select all 2 drafts awaiting review' }));
    const batch = screen.getByRole('region', { name: 'Batch approval' });
    await user.type(within(batch).getByLabelText('Notes for each approval (optional)'), 'week 1');
    await user.click(within(batch).getByRole('button', { name: 'Approve selected (2)' }));

    const outcome = await within(batch).findByRole('status');
    expect(outcome).toHaveTextContent('1 approved, 1 not approved');
    expect(outcome).toHaveTextContent('social post · LinkedIn: already rejected');
    expect(postsTo(calls, '/api/cp/deliverables/review-batch')[0].body).toEqual({
      deliverable_ids: ['del-a', 'del-b'],
      decision: 'approved',
      notes: 'week 1',
    });
    // the one that failed stays selected for another try
    expect(screen.getByRole('checkbox', { name: 'Select social post · LinkedIn for batch approval' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select social post · X for batch approval' })).not.toBeChecked();
  });
});

describe('Review tab: scheduler', () => {
  it('cannot approve a plan that failed its risk checks, and says why', async () => {
    const blocked = {
      ...unapprovedPost,
      title: 'BTC plan',
      payload: {
        ...orderPayload,
        plan_status: 'blocked_by_risk_checks',
        risk_checks: [{ check: 'max_units_per_order', passed: false, detail: '5 units > 2 allowed' }],
      },
      proposed_actions: ['place_order'],
    };
    openReviewTab([blocked]);
    const user = userEvent.setup();
    const item = await draftItem('BTC plan');
    expect(item).toHaveTextContent('Failed its risk checks — cannot be approved.');
    expect(within(item).queryByRole('checkbox')).toBeDisabled();

    await user.click(within(item).getByRole('button', { name: 'Review' }));
    const panel = screen.getByRole('complementary');
    const approve = within(panel).getByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription(/failed its risk checks: max units per order \(5 units > 2 allowed\)/);
  });

  it('approves for the suggested slot, so it goes out by itself then', async () => {
    const slotted = socialPost({ payload: { platform: 'x', text: 'Slot me', suggested_slot: '2030-03-04T09:30:00Z' } });
    const calls = openReviewTab([slotted], {
      'POST /api/cp/deliverables/del-1/review': json(200, { ...slotted, state: 'scheduled', scheduled_for: '2030-03-04T09:30:00Z' }),
    });
    const user = userEvent.setup();
    await draftPanel('social post · X', 'Review');
    await user.click(screen.getByRole('button', { name: 'Approve for Mon, 4 Mar 2030, 09:30' }));

    await expectApprovedForMonday0930(calls, '2030-03-04T09:30:00.000Z');
  });

  it("approves for a time typed on the agent's clock, not the browser's", async () => {
    const calls = openReviewTab([socialPost()], {
      'GET /api/cp/my-agents/summary': json(200, summaryOf(instance({ timezone: 'Asia/Kolkata' }))),
      'POST /api/cp/deliverables/del-1/review': json(200, { ...socialPost(), state: 'scheduled' }),
    });
    const user = userEvent.setup();
    await draftPanel('social post · X', 'Review');
    const time = screen.getByLabelText('Or approve for a time you choose (Asia/Kolkata time)');
    fireEvent.change(time, { target: { value: '2030-03-04T09:30' } });
    await user.click(screen.getByRole('button', { name: 'Approve for this time' }));

    await expectApprovedForMonday0930(calls, '2030-03-04T04:00:00.000Z');
  });

  it('edits the text before approving; saving sends it back to review', async () => {
    const calls = openReviewTab([socialPost()], {
      'PUT /api/cp/deliverables/del-1': (call) => json(200, { ...socialPost(), payload: (call.body as { payload: object }).payload }),
    });
    const user = userEvent.setup();
    await draftPanel('social post · X', 'Review');
    const panel = screen.getByRole('complementary');
    await user.click(within(panel).getByRole('button', { name: 'Edit text' }));
    const text = within(panel).getByLabelText('Post text');
    await user.clear(text);
    await user.type(text, 'Flu shots are free this week.');
    await user.click(within(panel).getByRole('button', { name: 'Save changes' }));

    expect(await within(panel).findByText('Saved. The draft is waiting for review again.')).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT' && call.path === '/api/cp/deliverables/del-1')!;
    expect(put.body).toEqual({
      payload: { platform: 'x', text: 'Flu shots are free this week.', hashtags: ['#FluShot'], char_limit: 280 },
    });
  });

  it('lists drafts in the order they go out', async () => {
    openReviewTab([
      socialPost({ deliverable_id: 'late', title: 'Late', payload: { platform: 'x', text: 'b', suggested_slot: '2030-01-05T09:00:00Z' } }),
      socialPost({ deliverable_id: 'none', title: 'Unslotted' }),
      socialPost({ deliverable_id: 'early', title: 'Early', payload: { platform: 'x', text: 'a', suggested_slot: '2030-01-02T09:00:00Z' } }),
    ]);
    await draftItem('Late');

    const list = screen.getByRole('list', { name: 'Drafts of Clinic buzz' });
    expect(within(list).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Early',
      'Late',
      'Unslotted',
    ]);
  });
});

describe('Review tab: browsing', () => {
  it('filters by state, goal and platform on the server', async () => {
    const calls = openReviewTab([socialPost(), socialPost({ deliverable_id: 'del-2', payload: { platform: 'linkedin', text: 'Hi' } })]);
    const user = userEvent.setup();
    await draftItem('social post · X');

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
    openReviewTab([
      socialPost(),
      socialPost({ deliverable_id: 'del-long', payload: { platform: 'linkedin', text: 'x'.repeat(300), character_limit: 280 } }),
    ]);

    const short = await draftItem('social post · X');
    expect(within(short).getByRole('figure', { name: 'X preview' })).toHaveTextContent('Get your flu shot this week.');
    expect(within(short).getByText('28 / 280 characters')).toBeInTheDocument();
    expect(within(short).getByText('#FluShot')).toBeInTheDocument();
    const long = await draftItem('social post · LinkedIn');
    expect(within(long).getByText(/300 \/ 280 characters/)).toHaveTextContent('300 / 280 characters — 20 over the limit');
  });

  it('lays a campaign pack out by week in a calendar', async () => {
    openReviewTab([
      socialPost({ deliverable_id: 'w2', payload: { platform: 'x', text: 'Week two', campaign_week: 2, suggested_slot: { local: '2025-03-10T09:00', timezone: 'Asia/Kolkata', at: '2025-03-10T03:30:00Z' } } }),
      socialPost({ deliverable_id: 'w1b', payload: { platform: 'x', text: 'Week one, later', week: 1, scheduled_slot: '2025-03-05T10:00:00Z' } }),
      socialPost({ deliverable_id: 'w1a', payload: { platform: 'x', text: 'Week one, first', week: 1, scheduled_slot: '2025-03-03T10:00:00Z' } }),
    ]);
    const user = userEvent.setup();
    await screen.findAllByRole('heading', { name: /social post/ });

    await user.click(screen.getByRole('button', { name: 'Campaign weeks' }));

    const weeks = screen.getAllByRole('region', { name: /^Week/ });
    expect(weeks.map((week) => within(week).getByRole('heading').textContent)).toEqual(['Week 1', 'Week 2']);
    expect(within(weeks[0]).getAllByRole('button').map((entry) => entry.querySelector('.calendar-snippet')!.textContent)).toEqual([
      'Week one, first',
      'Week one, later',
    ]);
    expect(within(weeks[1]).getByRole('button')).toHaveTextContent('Mon, 10 Mar 2025, 09:00');
    await user.click(within(weeks[1]).getByRole('button'));
    expect(screen.getByRole('complementary')).toHaveTextContent('Week two');
    expect(within(screen.getByRole('complementary')).getByRole('button', { name: 'Approve' })).toBeInTheDocument();
  });

  it('shows scheduled and published posts on a week calendar, and a post opens its detail', async () => {
    const now = new Date().toISOString();
    openReviewTab([
      socialPost({ deliverable_id: 'pending', payload: { platform: 'x', text: 'Not yet reviewed' } }),
      socialPost({
        deliverable_id: 'due',
        state: 'scheduled',
        scheduled_for: now,
        payload: { platform: 'linkedin', text: 'Goes out by itself' },
        approval: { approval_id: 'appr-s', verdict: 'approved', expires_at: '2030-01-01T00:00:00Z' },
      }),
    ]);
    const user = userEvent.setup();
    await screen.findAllByRole('heading', { name: /social post/ });

    await user.click(screen.getByRole('button', { name: 'Calendar' }));

    const calendar = screen.getByRole('region', { name: 'Calendar of scheduled and published posts' });
    expect(within(calendar).getByText(/1 post this week\./)).toBeInTheDocument();
    expect(within(calendar).queryByText(/Not yet reviewed/)).not.toBeInTheDocument();
    await user.click(within(calendar).getByRole('button', { name: /Scheduled: LinkedIn · Goes out by itself/ }));
    expect(screen.getByRole('complementary')).toHaveTextContent('Goes out by itself');
    expect(screen.getByRole('complementary')).toHaveTextContent('Scheduled');
  });

  it('shows an empty state when the agent has no drafts', async () => {
    openReviewTab([]);

    expect(await screen.findByText('No drafts for Clinic buzz yet.')).toBeInTheDocument();
  });

  it('shows the problem when the drafts cannot be loaded', async () => {
    openReviewTab(() => problem(502, { title: 'Bad Gateway', correlation_id: 'corr-502' }));

    const alert = await screen.findByRole('alert');

    expect(alert).toHaveTextContent('A service we depend on did not answer');
    expect(alert).toHaveTextContent('corr-502');
  });
});
