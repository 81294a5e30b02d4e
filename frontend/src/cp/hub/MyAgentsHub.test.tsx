import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instance, signedInCustomer, summaryOf, twoAgents } from '../../test/cpFixtures';
import { json, problem, stubBackend } from '../../test/http';
import { renderApp, searchParams } from '../../test/render';
import { cpRoutes } from '../CpApp';

const definition = {
  agent_type_id: 'marketing.healthcare.v1',
  version: 1,
  display_name: 'Healthcare marketing',
  config_schema: { type: 'object', properties: { brand_name: { type: 'string' }, timezone: { type: 'string' } } },
  ui_hints: {},
  goal_templates: [{ goal_template_id: 'weekly_batch', display_name: 'Weekly posting batch', default_frequency: 'weekly' }],
};

function backendWith(summary: unknown) {
  signedInCustomer();
  return stubBackend({
    'GET /api/cp/my-agents/summary': json(200, summary),
    'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, definition),
    'GET /api/cp/agent-types/trading.delta_futures.v1': json(200, {
      ...definition,
      agent_type_id: 'trading.delta_futures.v1',
      display_name: 'Delta futures',
      goal_templates: [],
    }),
    'GET /api/cp/agent-types': json(200, {
      agent_types: [definition, { ...definition, agent_type_id: 'trading.delta_futures.v1', display_name: 'Delta futures' }],
    }),
    'PUT /api/cp/my-agents/selected': new Response(null, { status: 204 }),
    'GET /api/cp/hired-agents/hired-1/deliverables': json(200, { deliverables: [] }),
    'GET /api/cp/hired-agents/hired-1': json(200, { hired_instance_id: 'hired-1', subscription_id: 'sub-1', config: {}, configured: true }),
    'GET /api/cp/hired-agents/hired-2': json(200, { hired_instance_id: 'hired-2', subscription_id: 'sub-2', config: {}, configured: false }),
    'GET /api/cp/hired-agents/hired-1/goals': json(200, { goals: [] }),
    'GET /api/cp/hired-agents/hired-2/goals': json(200, { goals: [] }),
  });
}

describe('My Agents hub', () => {
  it("lists every hired agent in the selector as nickname — agent type's name — where it stands, never ids", async () => {
    backendWith(twoAgents);

    renderApp(cpRoutes, '/');

    const selector = await screen.findByLabelText('Agent');
    await waitFor(() =>
      expect(
        within(selector)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['Clinic buzz — Healthcare marketing — On free trial, 5 days left', 'Futures desk — Delta futures — Active']),
    );
  });

  it('tells the backend which agent was opened, so the hub reopens it next time', async () => {
    const calls = backendWith(twoAgents);

    renderApp(cpRoutes, '/?agent=hired-2');

    await screen.findByRole('heading', { name: 'Futures desk' });
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PUT' && call.path === '/api/cp/my-agents/selected')?.body).toEqual({
        hired_instance_id: 'hired-2',
      }),
    );
  });

  it('writes the default selection into the URL when the link names no agent', async () => {
    backendWith({ ...twoAgents, selected: 'hired-2' });

    const { router } = renderApp(cpRoutes, '/');

    expect(await screen.findByRole('heading', { name: 'Futures desk' })).toBeInTheDocument();
    expect(searchParams(router).get('agent')).toBe('hired-2');
  });

  it('writes ?agent= when another agent is chosen and shows its summary', async () => {
    backendWith(twoAgents);
    const { router } = renderApp(cpRoutes, '/?agent=hired-1');
    const selector = await screen.findByLabelText('Agent');

    await userEvent.selectOptions(selector, 'hired-2');

    expect(searchParams(router).get('agent')).toBe('hired-2');
    expect(selector).toHaveValue('hired-2');
    expect(screen.getByRole('heading', { name: 'Futures desk' })).toBeInTheDocument();
    expect(screen.getByText('No trial')).toBeInTheDocument();
  });

  it('opens the agent and tab a deep link names', async () => {
    backendWith(twoAgents);

    renderApp(cpRoutes, '/?agent=hired-2&tab=goals');

    expect(await screen.findByRole('heading', { name: 'Futures desk' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Goal Setting' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Delta futures offers no goals yet.')).toBeInTheDocument();
  });

  it('says so when the link names an agent that is not the customer’s', async () => {
    backendWith(twoAgents);

    renderApp(cpRoutes, '/?agent=someone-elses');

    expect(await screen.findByRole('alert')).toHaveTextContent('not one of your hired agents');
    expect(screen.getByLabelText('Agent')).toHaveValue('');
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
  });

  it('summarises trial days left, configuration, goals and drafts pending', async () => {
    backendWith(twoAgents);

    renderApp(cpRoutes, '/?agent=hired-1');

    const card = await screen.findByRole('region', { name: 'Clinic buzz' });
    expect(card).toHaveTextContent('5 days left');
    expect(card).toHaveTextContent('ConfiguredYes');
    expect(card).toHaveTextContent('Goals3');
    expect(card).toHaveTextContent('Drafts pending review2');
  });

  it('moves between tabs with the arrow keys and keeps the tab in the URL', async () => {
    backendWith(twoAgents);
    const { router } = renderApp(cpRoutes, '/?agent=hired-1');
    const user = userEvent.setup();
    const configure = await screen.findByRole('tab', { name: 'Configure' });
    expect(await screen.findByRole('heading', { name: 'Configure Healthcare marketing' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'brand name' })).toBeInTheDocument();

    await user.click(configure);
    await user.keyboard('{ArrowRight}');

    const goals = screen.getByRole('tab', { name: 'Goal Setting' });
    expect(goals).toHaveFocus();
    expect(goals).toHaveAttribute('aria-selected', 'true');
    expect(searchParams(router).get('tab')).toBe('goals');
    expect(await screen.findByText('Weekly posting batch')).toBeInTheDocument();

    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('No drafts for Clinic buzz yet.')).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(configure).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Configure' })).toBeInTheDocument();
  });

  it('disables the tabs with an explanation once the subscription ended beyond retention', async () => {
    backendWith(
      summaryOf(
        instance({
          subscription_status: 'ended',
          trial_status: null,
          retention_until: new Date(Date.now() - 86_400_000).toISOString(),
        }),
      ),
    );
    renderApp(cpRoutes, '/?agent=hired-1');

    const tabs = await screen.findAllByRole('tab');
    await userEvent.click(screen.getByRole('tab', { name: 'Review' }));

    expect(tabs.every((tab) => tab.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(screen.queryByRole('tabpanel')).not.toBeInTheDocument();
    expect(screen.getByRole('tablist')).toHaveAccessibleDescription(/subscription has ended/);
  });

  it('shows an empty state to a customer without agents, with the way to hire one', async () => {
    backendWith(summaryOf());

    const { router } = renderApp(cpRoutes, '/');

    expect(await screen.findByText('You have not hired any agents yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Hire an agent' }));
    expect(router.state.location.pathname).toBe('/hire');
  });

  it('shows the problem and offers a retry when the summary fails', async () => {
    signedInCustomer();
    stubBackend({
      'GET /api/cp/my-agents/summary': problem(503, { title: 'Service Unavailable', correlation_id: 'corr-503' }),
    });

    renderApp(cpRoutes, '/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service is busy');
    expect(alert).toHaveTextContent('corr-503');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
