import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { instance, signedInCustomer, summaryOf, twoAgents } from '../../test/cpFixtures';
import { hiredAgent, marketingDefinition, tradingDefinition } from '../../test/definitions';
import { json, problem, stubBackend } from '../../test/http';
import { renderApp, searchParams } from '../../test/render';
import { cpRoutes } from '../CpApp';

describe('Hire', () => {
  it('shows each published agent type with what it does, its goals and its trial terms', async () => {
    signedInCustomer();
    stubBackend({ 'GET /api/cp/agent-types': json(200, { agent_types: [marketingDefinition, tradingDefinition] }) });

    renderApp(cpRoutes, '/hire');

    const marketing = (await screen.findByRole('heading', { name: 'Digital Marketing Agent (Healthcare)' })).closest('li')!;
    expect(marketing).toHaveTextContent('Drafts multichannel posts for a healthcare practice.');
    expect(within(marketing).getByText('Weekly multichannel posting batch')).toBeInTheDocument();
    expect(marketing).toHaveTextContent('7-day trial');
    expect(marketing).toHaveTextContent('up to 10 goal runs a day');
    expect(marketing).toHaveTextContent('of usage a day');
    expect(marketing).toHaveTextContent('up to 5 actions a day');
    expect(marketing).toHaveTextContent('nothing goes out without your approval');
    const trading = screen.getByRole('heading', { name: 'Share Trading Agent (Delta Exchange India futures)' }).closest('li')!;
    expect(trading).toHaveTextContent('during the trial, place order, close position are dry run only');
  });

  it('hires an agent and opens it, unconfigured, on Configure', async () => {
    signedInCustomer();
    const hired = instance({
      subscription_id: 'sub-3',
      hired_instance_id: 'hired-3',
      nickname: 'New marketing agent',
      configured: false,
      trial_status: 'not_started',
      trial_start_at: null,
      trial_end_at: null,
    });
    let summary = twoAgents;
    const calls = stubBackend({
      'GET /api/cp/agent-types': json(200, { agent_types: [marketingDefinition] }),
      'POST /api/cp/subscriptions': () => {
        summary = summaryOf(...twoAgents.instances, hired);
        return json(201, {
          subscription_id: 'sub-3',
          agent_type_id: 'marketing.healthcare.v1',
          status: 'active',
          trial_status: 'not_started',
          hired_instance_id: 'hired-3',
        });
      },
      'GET /api/cp/my-agents/summary': () => json(200, summary),
      'GET /api/cp/agent-types/marketing.healthcare.v1': json(200, marketingDefinition),
      'GET /api/cp/hired-agents/hired-3': json(200, hiredAgent({ hired_instance_id: 'hired-3', subscription_id: 'sub-3', config: {} })),
      'GET /api/cp/platform-credentials': json(200, { credentials: [] }),
    });
    const { router } = renderApp(cpRoutes, '/hire');

    await userEvent.click(await screen.findByRole('button', { name: 'Hire Digital Marketing Agent (Healthcare)' }));
    const dialog = screen.getByRole('dialog', { name: 'Hire Digital Marketing Agent (Healthcare)?' });
    expect(dialog).toHaveTextContent('The free trial:');
    expect(dialog).toHaveTextContent('After the trial you pay per action');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Hire and start configuring' }));

    expect(await screen.findByRole('heading', { name: 'New marketing agent' })).toBeInTheDocument();
    expect(screen.getByLabelText('Agent')).toHaveValue('hired-3');
    expect(searchParams(router).get('tab')).toBe('configure');
    expect(await screen.findByText(/This agent is not configured yet/)).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ agent_type_id: 'marketing.healthcare.v1' });
  });

  it('finds the new instance by subscription when the answer does not name it', async () => {
    signedInCustomer();
    stubBackend({
      'GET /api/cp/agent-types': json(200, { agent_types: [marketingDefinition] }),
      'POST /api/cp/subscriptions': json(201, { subscription_id: 'sub-9', agent_type_id: 'marketing.healthcare.v1', status: 'active' }),
      'GET /api/cp/hired-agents/by-subscription/sub-9': json(200, hiredAgent({ hired_instance_id: 'hired-9' })),
      'GET /api/cp/my-agents/summary': json(200, twoAgents),
    });
    const { router } = renderApp(cpRoutes, '/hire');

    await userEvent.click(await screen.findByRole('button', { name: 'Hire Digital Marketing Agent (Healthcare)' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Hire and start configuring' }));

    await screen.findByLabelText('Agent');
    expect(searchParams(router).get('agent')).toBe('hired-9');
  });

  it('shows why hiring failed', async () => {
    signedInCustomer();
    stubBackend({
      'GET /api/cp/agent-types': json(200, { agent_types: [marketingDefinition] }),
      'POST /api/cp/subscriptions': problem(409, { title: 'Conflict', detail: 'You already have this agent on trial.', correlation_id: 'corr-hire' }),
    });
    renderApp(cpRoutes, '/hire');

    await userEvent.click(await screen.findByRole('button', { name: 'Hire Digital Marketing Agent (Healthcare)' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Hire and start configuring' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You already have this agent on trial.');
    expect(alert).toHaveTextContent('corr-hire');
  });

  it('says so when nothing can be hired, and when the catalog cannot be loaded', async () => {
    signedInCustomer();
    stubBackend({ 'GET /api/cp/agent-types': json(200, { agent_types: [] }) });
    const { unmount } = renderApp(cpRoutes, '/hire');
    expect(await screen.findByText('No agents can be hired right now.')).toBeInTheDocument();
    unmount();

    stubBackend({ 'GET /api/cp/agent-types': problem(503, { title: 'Service Unavailable' }) });
    renderApp(cpRoutes, '/hire');
    expect(await screen.findByRole('alert')).toHaveTextContent('The service is busy');
  });
});
