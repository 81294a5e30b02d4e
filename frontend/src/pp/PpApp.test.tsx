import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, stubBackend } from '../test/http';
import { renderApp } from '../test/render';
import { ppRoutes } from './PpApp';
import { ppSession } from './ppApi';
import { operators, signedInAs } from './test/ppFixtures';

async function signIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'ops@myagents.local');
  await user.type(screen.getByLabelText('Password'), 'pw');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Operations' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('PP app', () => {
  it('logs the operator in and shows who they are and their roles', async () => {
    const calls = stubBackend({
      'POST /api/pp/auth/login': json(200, {
        access_token: 'pp-tok',
        token_type: 'Bearer',
        expires_in: 900,
        operator: { ...operators.admin, roles: ['admin', 'support'] },
      }),
    });
    renderApp(ppRoutes, '/');
    expect(await screen.findByRole('heading', { name: 'Operator sign in' })).toBeInTheDocument();

    await signIn();

    expect(await screen.findByRole('heading', { name: 'Welcome, Ops Admin' })).toBeInTheDocument();
    expect(screen.getByText('ops@myagents.local')).toBeInTheDocument();
    const roles = screen.getByRole('list', { name: 'Your roles' });
    expect(roles).toHaveTextContent('admin');
    expect(roles).toHaveTextContent('support');
    expect(calls[0].body).toEqual({ email: 'ops@myagents.local', password: 'pw' });
    expect(ppSession.current()?.access_token).toBe('pp-tok');
  });

  it('shows the 401 problem of a failed operator login', async () => {
    stubBackend({ 'POST /api/pp/auth/login': problem(401, { title: 'Unauthorized', detail: 'Unknown operator.' }) });
    renderApp(ppRoutes, '/login');

    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown operator.');
    expect(ppSession.current()).toBeNull();
  });

  it('signs the operator out', async () => {
    signedInAs('admin');
    renderApp(ppRoutes, '/');

    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Operator sign in' })).toBeInTheDocument();
    expect(ppSession.current()).toBeNull();
  });
});

describe('PP navigation by role', () => {
  it('gives an admin every section', async () => {
    signedInAs('admin');
    renderApp(ppRoutes, '/');

    await screen.findByRole('heading', { name: 'Welcome, Ops Admin' });

    expect(navLinks()).toEqual(['Home', 'Agent Management', 'Hired agents', 'Denials', 'Decisions', 'Correlations', 'Dead letters']);
  });

  it('gives support every section to read', async () => {
    signedInAs('support');
    renderApp(ppRoutes, '/');

    await screen.findByRole('heading', { name: 'Welcome, Support Desk' });

    expect(navLinks()).toEqual(['Home', 'Agent Management', 'Hired agents', 'Denials', 'Decisions', 'Correlations', 'Dead letters']);
  });

  it('gives an auditor only denials, decisions and correlations', async () => {
    signedInAs('auditor');
    renderApp(ppRoutes, '/');

    await screen.findByRole('heading', { name: 'Welcome, Auditor' });

    expect(navLinks()).toEqual(['Home', 'Denials', 'Decisions', 'Correlations']);
    expect(screen.getByRole('list', { name: /what you can open/i })).not.toHaveTextContent('Agent Management');
  });

  it('tells an auditor who opens Agent Management by URL that it is not for their roles, without calling the backend', async () => {
    const calls = stubBackend({});
    signedInAs('auditor');
    renderApp(ppRoutes, '/agent-types');

    expect(await screen.findByRole('alert')).toHaveTextContent('Not available for your roles');
    expect(calls).toHaveLength(0);
  });

  it('marks the current section in the navigation', async () => {
    stubBackend({ 'GET /api/pp/ops/denials': json(200, { denials: [], page: 0, size: 25, total: 0 }) });
    signedInAs('auditor');
    renderApp(ppRoutes, '/ops/denials');

    await screen.findByText('No denial matches these filters.');

    expect(screen.getByRole('link', { name: 'Denials' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });
});
