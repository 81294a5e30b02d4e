import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instance, signedInCustomer, summaryOf } from '../../test/cpFixtures';
import { completeMarketingConfig, goal, hiredAgent } from '../../test/definitions';
import { json, problem, stubBackend } from '../../test/http';
import type { Handler, RecordedCall } from '../../test/http';
import { hubRoutes } from '../../test/cpBackend';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';
import type { Goal } from '../cpApi';

function openGoals(goals: Goal[], extra: Record<string, Handler> = {}, agent = 'hired-1'): RecordedCall[] {
  signedInCustomer();
  const calls = stubBackend({
    ...hubRoutes(),
    'GET /api/cp/hired-agents/hired-1': json(200, hiredAgent({ config: completeMarketingConfig, configured: true })),
    'GET /api/cp/hired-agents/hired-2': json(
      200,
      hiredAgent({
        hired_instance_id: 'hired-2',
        agent_type_id: 'trading.delta_futures.v1',
        config: { allowed_coins: ['BTC', 'ETH'], default_coin: 'ETH' },
      }),
    ),
    [`GET /api/cp/hired-agents/${agent}/goals`]: json(200, { goals }),
    [`PUT /api/cp/hired-agents/${agent}/goals`]: (call) =>
      json(201, { goal_instance_id: 'goal-new', hired_instance_id: agent, ...(call.body as object) }),
    ...extra,
  });
  renderApp(cpRoutes, `/?agent=${agent}&tab=goals`);
  return calls;
}

const goalCard = async (name: string) => {
  const goals = await screen.findByRole('region', { name: /^Goals of/ });
  return (await within(goals).findByRole('heading', { name, level: 4 })).closest('li')!;
};

/** Opens one weekly goal over these routes and asks it to run now; what the card then alerts. */
async function runRefusedWith(routes: Record<string, Handler>) {
  const calls = openGoals([goal()], routes);
  const user = userEvent.setup();
  const card = await goalCard('Weekly multichannel posting batch');
  await user.click(within(card).getByRole('button', { name: 'Run now' }));
  const alert = await within(card).findByRole('alert');
  return { calls, user, card, alert };
}

describe('Goal Setting tab', () => {
  it('lists the goals with their schedule and settings, and the templates to add', async () => {
    openGoals([goal(), goal({ goal_instance_id: 'goal-2', goal_template_id: 'marketing.daily_education_micropost', frequency: 'daily', time_of_day: '09:30', enabled: false, settings: { topics: ['flu shots'] } })]);

    const weekly = await goalCard('Weekly multichannel posting batch');
    expect(weekly).toHaveTextContent('Weekly');
    expect(weekly).toHaveTextContent('Posts per week3');
    expect(weekly).toHaveTextContent('Tonefriendly');
    const daily = await goalCard('Daily patient-education micro-post');
    expect(daily).toHaveTextContent('Daily at 09:30');
    expect(within(daily).getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Add Weekly multichannel posting batch' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add Daily patient-education micro-post' })).toBeInTheDocument();
  });

  it('shows each goal\'s latest run, and why a denied run did not start', async () => {
    openGoals([
      goal({
        last_run: {
          run_id: 'goal-1:weekly:2026-W48',
          period_key: 'weekly:2026-W48',
          status: 'denied',
          reason: 'trial_cap_exceeded',
          detail: '10 of 10 trial goal runs used on 2026-11-27 (UTC)',
          completed_at: '2026-11-27T04:00:01Z',
        },
      }),
      goal({
        goal_instance_id: 'goal-2',
        goal_template_id: 'marketing.daily_education_micropost',
        frequency: 'daily',
        time_of_day: '09:30',
        last_run: { run_id: 'goal-2:daily:2026-11-26', period_key: 'daily:2026-11-26', status: 'completed', completed_at: '2026-11-26T04:00:00Z' },
      }),
    ]);

    const weekly = await goalCard('Weekly multichannel posting batch');
    const status = within(weekly).getByRole('status');
    expect(status).toHaveTextContent("Last run was not started Fri, 27 Nov 2026, 09:30: Today's trial allowance is used up.");
    expect(status).toHaveTextContent('It renews tomorrow, or subscribe to lift the trial limits.');
    expect(status).not.toHaveTextContent('trial_cap_exceeded');
    const daily = await goalCard('Daily patient-education micro-post');
    expect(daily).toHaveTextContent('Last run finished Thu, 26 Nov 2026, 09:30');
    // ids only behind Details
    expect(within(daily).getByText('Details').closest('details')).not.toHaveAttribute('open');
  });

  it('shows a skipped run with why the goal runner did not run it', async () => {
    openGoals([
      goal({
        last_run: {
          run_id: 'goal-1:weekly:2026-W48',
          period_key: 'weekly:2026-W48',
          status: 'skipped',
          reason: 'trial_ended',
          detail: 'the trial has ended; subscribe to keep the agent running',
          completed_at: '2026-11-27T04:00:01Z',
        },
      }),
    ]);

    const weekly = await goalCard('Weekly multichannel posting batch');
    const status = within(weekly).getByRole('status');
    expect(status).toHaveTextContent(/^Skipped/);
    expect(status).toHaveTextContent('The free trial has ended.');
  });

  it('adds a goal: frequency limited to the template, time of day required, settings from its schema', async () => {
    const calls = openGoals([]);
    const user = userEvent.setup();
    expect(await screen.findByText('No goals yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add Daily patient-education micro-post' }));

    const form = screen.getByRole('form', { name: 'New goal: Daily patient-education micro-post' });
    const frequency = within(form).getByRole('combobox', { name: 'Frequency' });
    expect(within(frequency).getAllByRole('option').map((option) => option.textContent)).toEqual(['daily', 'weekly']);
    expect(within(form).getByRole('checkbox', { name: 'Include a call to action' })).toBeChecked();
    const add = within(form).getByRole('button', { name: 'Add goal' });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription(/Time of day is required/);
    expect(add).toHaveAccessibleDescription(/Education topics is required/);

    fireEvent.change(within(form).getByLabelText('Time of day'), { target: { value: '08:15' } });
    await user.type(within(form).getByRole('textbox', { name: 'Add to Education topics' }), 'hydration{Enter}');
    await user.selectOptions(frequency, 'weekly');
    expect(add).toBeEnabled();
    await user.click(add);

    expect(await screen.findByText('Added Daily patient-education micro-post.')).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'PUT' && call.path.endsWith('/goals'))!.body).toEqual({
      goal_template_id: 'marketing.daily_education_micropost',
      frequency: 'weekly',
      time_of_day: '08:15',
      settings: { topics: ['hydration'], include_call_to_action: true },
      enabled: true,
    });
  });

  it('edits a goal and shows the server’s errors at its fields', async () => {
    const calls = openGoals([goal()], {
      'PUT /api/cp/hired-agents/hired-1/goals': problem(400, {
        title: 'Bad Request',
        errors: [{ pointer: '/settings/posts_per_week', message: 'must be at most 7 during the trial' }],
      }),
    });
    const user = userEvent.setup();
    const card = await goalCard('Weekly multichannel posting batch');

    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit goal: Weekly multichannel posting batch' });
    const posts = within(form).getByRole('spinbutton', { name: 'Posts per week' });
    expect(posts).toHaveValue(3);
    await user.clear(posts);
    await user.type(posts, '10');
    await user.click(within(form).getByRole('button', { name: 'Save goal' }));

    await waitFor(() => expect(posts).toHaveAccessibleDescription('Posts per week must be at most 7 during the trial'));
    expect((calls.find((call) => call.method === 'PUT' && call.path.endsWith('/goals'))!.body as { goal_instance_id: string }).goal_instance_id).toBe('goal-1');
  });

  it('keeps Save disabled while a setting breaks its schema', async () => {
    openGoals([]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add Weekly multichannel posting batch' }));
    const form = screen.getByRole('form', { name: 'New goal: Weekly multichannel posting batch' });
    const posts = within(form).getByRole('spinbutton', { name: 'Posts per week' });

    await user.clear(posts);
    await user.type(posts, '20');

    expect(posts).toHaveAccessibleDescription('Posts per week must be at most 14');
    expect(within(form).getByRole('button', { name: 'Add goal' })).toBeDisabled();
  });

  it('prefills settings from the agent’s config and offers only its allowed coins', async () => {
    openGoals([], {}, 'hired-2');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Add Trade intent draft (enter/exit)' }));

    const form = screen.getByRole('form', { name: 'New goal: Trade intent draft (enter/exit)' });
    const coin = within(form).getByRole('combobox', { name: 'Coin' });
    expect(coin).toHaveDisplayValue('ETH');
    expect(within(coin).getAllByRole('option').map((option) => option.textContent)).toEqual(['BTC', 'ETH']);
    expect(within(form).getByRole('combobox', { name: 'Frequency' })).toHaveDisplayValue('on demand');
    // a limit order needs its price (if/then in the settings schema)
    expect(within(form).getByRole('button', { name: 'Add goal' })).toHaveAccessibleDescription(/Limit price is required/);
  });

  it('disables, runs and deletes a goal', async () => {
    const calls = openGoals([goal()], {
      'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': json(202, { run_id: 'run-77', goal_instance_id: 'goal-1' }),
      'DELETE /api/cp/hired-agents/hired-1/goals/goal-1': new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    const card = await goalCard('Weekly multichannel posting batch');

    await user.click(within(card).getByRole('checkbox', { name: 'Enabled' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT' && call.path.endsWith('/goals'))).toBe(true));
    expect(calls.find((call) => call.method === 'PUT' && call.path.endsWith('/goals'))!.body).toMatchObject({ goal_instance_id: 'goal-1', enabled: false });

    await user.click(within(card).getByRole('button', { name: 'Run now' }));
    expect(await within(card).findByText('Run requested. Its outcome shows here when it is done.')).toBeInTheDocument();
    expect(card).not.toHaveTextContent('run-77');

    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    await user.click(within(card).getByRole('button', { name: 'Delete goal' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE')).toBe(true));
    expect(calls.find((call) => call.method === 'DELETE')!.path).toBe('/api/cp/hired-agents/hired-1/goals/goal-1');
  });

  it('follows the run it asked for until it finishes, with no reload', async () => {
    let asked = 0;
    openGoals([goal()], {
      'GET /api/cp/hired-agents/hired-1/goals': () => {
        asked += 1;
        // the list catches up with the new run late, then shows it running, then finished
        const lastRun =
          asked <= 2 ? null : asked <= 3 ? { run_id: 'run-77', status: 'triggered' } : { run_id: 'run-77', status: 'completed', completed_at: new Date().toISOString() };
        return json(200, { goals: [goal({ last_run: lastRun })] });
      },
      'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': json(202, { run_id: 'run-77', goal_instance_id: 'goal-1' }),
    });
    const user = userEvent.setup();
    const card = await goalCard('Weekly multichannel posting batch');

    await user.click(within(card).getByRole('button', { name: 'Run now' }));

    expect(
      await within(card).findByText('Run finished. Its drafts are waiting for you under Review.', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });

  it('asks before drafting again for a period that already has drafts, and not for an older one', async () => {
    const calls = openGoals(
      [
        goal({ last_run: { run_id: 'run-1', status: 'completed', completed_at: new Date().toISOString() } }),
        goal({
          goal_instance_id: 'goal-2',
          goal_template_id: 'marketing.daily_education_micropost',
          frequency: 'daily',
          time_of_day: '09:30',
          settings: { topics: ['flu shots'] },
          last_run: { run_id: 'run-2', status: 'completed', completed_at: new Date(Date.now() - 40 * 86_400_000).toISOString() },
        }),
      ],
      {
        'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': json(202, { run_id: 'run-3', goal_instance_id: 'goal-1' }),
        'POST /api/cp/hired-agents/hired-1/goals/goal-2/run': json(202, { run_id: 'run-4', goal_instance_id: 'goal-2' }),
      },
    );
    const user = userEvent.setup();
    const runs = () => calls.filter((call) => call.method === 'POST' && call.path.endsWith('/run'));

    await user.click(within(await goalCard('Weekly multichannel posting batch')).getByRole('button', { name: 'Run now' }));
    const dialog = screen.getByRole('dialog', { name: 'Run Weekly multichannel posting batch again?' });
    expect(dialog).toHaveTextContent('It already ran this week and its drafts are waiting under Review.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep these drafts' }));
    expect(runs()).toHaveLength(0);

    await user.click(within(await goalCard('Daily patient-education micro-post')).getByRole('button', { name: 'Run now' }));
    await waitFor(() => expect(runs().map((call) => call.path)).toEqual(['/api/cp/hired-agents/hired-1/goals/goal-2/run']));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows why a run could not start', async () => {
    const { alert } = await runRefusedWith({
      'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': problem(409, {
        title: 'Conflict',
        detail: 'The agent is not finalized yet.',
        correlation_id: 'corr-run',
      }),
    });
    expect(alert).toHaveTextContent('The agent is not finalized yet.');
    expect(alert).toHaveTextContent('corr-run');
  });

  it('offers hiring the agent again, not plans, when a run is refused because the subscription ended', async () => {
    const { alert } = await runRefusedWith({
      'GET /api/cp/my-agents/summary': json(
        200,
        summaryOf(instance({ subscription_status: 'cancelled', ended_at: '2026-12-02T09:00:00Z', retention_until: '2027-01-01T09:00:00Z' })),
      ),
      'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': problem(409, {
        title: 'This goal cannot run now',
        reason: 'subscription_inactive',
        detail: 'This subscription has ended, so nothing runs any more.',
      }),
    });
    expect(within(alert).getByRole('link', { name: 'Hire this agent again' })).toHaveAttribute('href', '/hire');
    expect(within(alert).queryByRole('button', { name: 'See plans' })).not.toBeInTheDocument();
  });

  it('says why a refused run did not start, with Finalize as the next step', async () => {
    const { calls, user, card, alert } = await runRefusedWith({
      'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': problem(409, {
        title: 'Conflict',
        reason: 'not_finalized',
        detail: 'finalize the agent first',
      }),
      'POST /api/cp/hired-agents/hired-1/finalize': json(
        200,
        hiredAgent({ config: completeMarketingConfig, configured: true, finalized_at: '2026-12-03T09:00:00Z' }),
      ),
    });
    expect(alert).toHaveTextContent('Not started: This agent is not finalized yet, so its trial has not started.');
    expect(alert).toHaveTextContent('Finalize this agent to start its trial.');
    expect(alert).not.toHaveTextContent('Run started');
    await user.click(within(alert).getByRole('button', { name: 'Finalize this agent' }));
    expect(await within(card).findByText(/Finalized: the trial has started/)).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST' && call.path.endsWith('/finalize'))).toBe(true);
  });

  it('follows a requested run to its outcome: a skipped run says why and what to do', async () => {
    let runs = 0;
    openGoals([], {
      'GET /api/cp/hired-agents/hired-1/goals': () => {
        runs += 1;
        return json(200, {
          goals: [
            goal(
              runs < 2
                ? {}
                : {
                    last_run: {
                      run_id: 'run-9',
                      status: 'skipped',
                      reason: 'trial_ended',
                      completed_at: '2026-12-03T09:00:00Z',
                    },
                  },
            ),
          ],
        });
      },
      'POST /api/cp/hired-agents/hired-1/goals/goal-1/run': json(202, { run_id: 'run-9', goal_instance_id: 'goal-1' }),
    });
    const user = userEvent.setup();
    const card = await goalCard('Weekly multichannel posting batch');

    await user.click(within(card).getByRole('button', { name: 'Run now' }));

    const alert = await within(card).findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveTextContent('Skipped: The free trial has ended.');
    expect(alert).toHaveTextContent('Subscribe to keep the agent working.');
    expect(within(alert).getByRole('button', { name: 'See plans' })).toBeInTheDocument();
  });
});
