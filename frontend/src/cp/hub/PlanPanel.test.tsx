import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instance, signedInCustomer, summaryOf } from '../../test/cpFixtures';
import { json, problem, stubBackend } from '../../test/http';
import { renderApp } from '../../test/render';
import { cpRoutes } from '../CpApp';
import type { AgentInstanceSummary } from '../cpApi';

const definition = {
  agent_type_id: 'marketing.healthcare.v1',
  version: 1,
  display_name: 'Healthcare marketing',
  config_schema: { type: 'object', properties: {} },
  goal_templates: [],
};

const trial = instance({
  plan: 'trial',
  currency: 'INR',
  max_budget_minor_per_month: 500_000,
  budget_minor_per_month: null,
  month_spend_minor: 0,
  approval_ttl_hours: 72,
});

function backendWith(current: AgentInstanceSummary, extra: Record<string, Response | ((call: { body: unknown }) => Response)> = {}) {
  signedInCustomer();
  return stubBackend({
    'GET /api/cp/my-agents/summary': json(200, summaryOf(current)),
    'GET /api/cp/agent-types': json(200, { agent_types: [definition] }),
    'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, definition),
    'GET /api/cp/hired-agents/hired-1': json(200, { hired_instance_id: 'hired-1', subscription_id: 'sub-1', config: {}, configured: true }),
    'PUT /api/cp/my-agents/selected': new Response(null, { status: 204 }),
    ...extra,
  });
}

describe('Plan panel (subscribe, budget, cancel)', () => {
  it('subscribes a trial with the chosen monthly budget, defaulting to the maximum', async () => {
    const paid = { ...trial, plan: 'paid', budget_minor_per_month: 300_000, month_spend_minor: 0 };
    const calls = backendWith(trial, { 'POST /api/cp/subscriptions/sub-1/convert': json(200, paid) });
    const user = userEvent.setup();
    renderApp(cpRoutes, '/?agent=hired-1');

    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    const dialog = screen.getByRole('dialog', { name: 'Subscribe to Clinic buzz' });
    const amount = within(dialog).getByLabelText('Monthly budget (INR)');
    expect(amount).toHaveValue(5000);
    expect(dialog).toHaveTextContent('at most ₹5,000.00');
    await user.clear(amount);
    await user.type(amount, '3000');
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));

    expect(await screen.findByText(/Subscribed\. Clinic buzz can spend up to ₹3,000\.00 a month\./)).toBeInTheDocument();
    expect(calls.find((call) => call.path.endsWith('/convert'))?.body).toEqual({ budget_minor_per_month: 300_000 });
  });

  it('does not offer a budget over the maximum, and shows the server naming the field', async () => {
    backendWith(trial, {
      'POST /api/cp/subscriptions/sub-1/convert': problem(400, {
        title: 'Bad Request',
        errors: [{ pointer: '/budget_minor_per_month', message: 'must be at most 500000' }],
      }),
    });
    const user = userEvent.setup();
    renderApp(cpRoutes, '/?agent=hired-1');

    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    const dialog = screen.getByRole('dialog');
    const amount = within(dialog).getByLabelText('Monthly budget (INR)');
    await user.clear(amount);
    await user.type(amount, '9000');
    expect(within(dialog).getByText('The budget can be at most ₹5,000.00 a month.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Subscribe' })).toBeDisabled();

    await user.clear(amount);
    await user.type(amount, '100');
    await user.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(await within(dialog).findByText('must be at most 500000')).toBeInTheDocument();
  });

  it("shows a paid plan's month: budget, spend, what is left; the budget can be changed", async () => {
    const paid = { ...trial, plan: 'paid', trial_status: 'ended', budget_minor_per_month: 400_000, month_spend_minor: 125_050 };
    const calls = backendWith(paid, {
      'PUT /api/cp/subscriptions/sub-1/budget': json(200, { ...paid, budget_minor_per_month: 200_000 }),
    });
    const user = userEvent.setup();
    renderApp(cpRoutes, '/?agent=hired-1');

    const panel = (await screen.findByRole('heading', { name: 'Plan' })).closest('section')!;
    expect(panel).toHaveTextContent('Paid plan');
    expect(panel).toHaveTextContent('Spent this month₹1,250.50');
    expect(panel).toHaveTextContent('Left this month₹2,749.50');
    expect(within(panel).queryByRole('button', { name: 'Subscribe' })).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Change budget' }));
    const amount = within(screen.getByRole('dialog')).getByLabelText('Monthly budget (INR)');
    await user.clear(amount);
    await user.type(amount, '2000');
    await user.click(screen.getByRole('button', { name: 'Save budget' }));

    expect(await screen.findByText('Budget changed to ₹2,000.00 a month.')).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'PUT' && call.path.endsWith('/budget'))?.body).toEqual({
      budget_minor_per_month: 200_000,
    });
  });

  it('asks before cancelling, saying runs stop and data is kept until the retention date', async () => {
    const paid = { ...trial, plan: 'paid', budget_minor_per_month: 400_000 };
    const calls = backendWith(paid, {
      'POST /api/cp/subscriptions/sub-1/cancel': json(200, {
        ...paid,
        subscription_status: 'cancelled',
        read_only: true,
        retention_until: '2027-01-02T00:00:00Z',
      }),
    });
    const user = userEvent.setup();
    renderApp(cpRoutes, '/?agent=hired-1');

    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel the subscription of Clinic buzz?' });
    expect(dialog).toHaveTextContent('goals stop running');
    expect(dialog).toHaveTextContent('kept (read-only) for the retention period, then deleted');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(calls.some((call) => call.path.endsWith('/cancel'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Cancel subscription' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel subscription' }));

    expect(await screen.findByText(/Subscription cancelled\. Runs and executions have stopped; your data is kept until 2 Jan 2027\./)).toBeInTheDocument();
  });

  it('offers Subscribe to a re-hire that gets no second trial', async () => {
    backendWith({ ...trial, plan: 'none', trial_status: 'not_eligible' });
    renderApp(cpRoutes, '/?agent=hired-1');

    expect(await screen.findByText(/You already had a free trial of this agent/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Subscribe' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Agent')).toHaveTextContent('Needs a subscription'));
  });

  it('says when a cancelled subscription ended, that it is read-only and until when its data is kept, and offers no plan action', async () => {
    backendWith({
      ...trial,
      plan: 'paid',
      budget_minor_per_month: 400_000,
      subscription_status: 'cancelled',
      read_only: true,
      // 20:00 UTC is already the next day in Kolkata, the agent's timezone
      ended_at: '2026-12-03T20:00:00Z',
      retention_until: '2027-01-02T20:00:00Z',
      timezone: 'Asia/Kolkata',
    });
    renderApp(cpRoutes, '/?agent=hired-1');

    const panel = (await screen.findByRole('heading', { name: 'Plan' })).closest('section')!;
    expect(panel).toHaveTextContent('Ended on 4 Dec 2026, read-only; data kept until 3 Jan 2027, then deleted.');
    expect(panel).toHaveTextContent('Runs and executions have stopped');
    expect(within(panel).queryByRole('button', { name: 'Subscribe' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Change budget' })).not.toBeInTheDocument();
  });

  it('shows how long an approval stays valid, from the definition', async () => {
    backendWith({ ...trial, approval_ttl_hours: 1 });
    renderApp(cpRoutes, '/?agent=hired-1');

    const panel = (await screen.findByRole('heading', { name: 'Plan' })).closest('section')!;
    expect(panel).toHaveTextContent('ApprovalsApproval valid for 1 hour');
  });

  it('lets a trial be cancelled too', async () => {
    const calls = backendWith(trial, {
      'POST /api/cp/subscriptions/sub-1/cancel': json(200, { ...trial, subscription_status: 'cancelled', read_only: true }),
    });
    const user = userEvent.setup();
    renderApp(cpRoutes, '/?agent=hired-1');

    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel subscription' }));

    expect(await screen.findByText(/^Subscription cancelled\. Runs and executions have stopped\.$/)).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST' && call.path.endsWith('/cancel'))).toBe(true);
  });
});
