import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { customer, twoAgents } from '../test/cpFixtures';
import { json, problem, stubBackend } from '../test/http';
import { renderApp, searchParams } from '../test/render';
import { cpRoutes } from './CpApp';
import { cpSession } from './cpApi';

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('CP login', () => {
  it('submits the credentials, keeps the token for the session and opens the hub', async () => {
    // Given a backend that accepts Dana
    const calls = stubBackend({
      'POST /api/cp/auth/login': json(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 900, customer }),
      'GET /api/cp/my-agents/summary': json(200, twoAgents),
    });
    renderApp(cpRoutes, '/login');

    // When she signs in
    await signIn(' dana@example.com ', 'correct horse');

    // Then the hub shows her agents, and later calls carry her token
    expect(await screen.findByLabelText('Agent')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/cp/auth/login',
      body: { email: 'dana@example.com', password: 'correct horse' },
    });
    expect(calls[1].headers.get('Authorization')).toBe('Bearer tok-1');
    expect(cpSession.current()?.principal.display_name).toBe('Dana');
    expect(screen.getByText('Dana')).toBeInTheDocument();
  });

  it('shows the 401 problem and stays on the login form', async () => {
    // Given a backend that rejects the password
    stubBackend({
      'POST /api/cp/auth/login': problem(401, {
        title: 'Unauthorized',
        detail: 'Email or password is not right.',
        correlation_id: 'corr-login-1',
      }),
    });
    renderApp(cpRoutes, '/login');

    // When the customer signs in
    await signIn('dana@example.com', 'wrong');

    // Then the problem is shown, the button is usable again and nothing is stored
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Email or password is not right.');
    expect(alert).toHaveTextContent('corr-login-1');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(cpSession.current()).toBeNull();
  });

  it('sends a visitor of a deep link to login and back to the same agent afterwards', async () => {
    // Given a link to Dana's second agent, opened without a session
    stubBackend({
      'POST /api/cp/auth/login': json(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 900, customer }),
      'GET /api/cp/my-agents/summary': json(200, twoAgents),
    });
    const { router } = renderApp(cpRoutes, '/?agent=hired-2');
    expect(await screen.findByRole('heading', { name: 'Sign in to My Agents' })).toBeInTheDocument();

    // When she signs in
    await signIn('dana@example.com', 'correct horse');

    // Then she lands on that agent
    expect(await screen.findByRole('heading', { name: 'Futures desk' })).toBeInTheDocument();
    expect(searchParams(router).get('agent')).toBe('hired-2');
  });

  it('signs out on a 401 from a later call and asks for login again', async () => {
    // Given a stored session the backend no longer accepts
    cpSession.start({ access_token: 'stale', token_type: 'Bearer', expires_in: 900 }, customer);
    stubBackend({ 'GET /api/cp/my-agents/summary': problem(401, { title: 'Unauthorized' }) });

    // When the hub loads
    renderApp(cpRoutes, '/?agent=hired-1');

    // Then the login form comes back and the token is gone
    expect(await screen.findByRole('heading', { name: 'Sign in to My Agents' })).toBeInTheDocument();
    expect(cpSession.current()).toBeNull();
  });
});
