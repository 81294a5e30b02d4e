import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, stubBackend } from '../test/http';
import { renderApp } from '../test/render';
import { ppRoutes } from './PpApp';
import { ppSession } from './ppApi';

const operator = {
  operator_id: 'op-1',
  email: 'olga@myagents.example',
  display_name: 'Olga',
  roles: ['agent_author', 'support'],
};

async function signIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), 'olga@myagents.example');
  await user.type(screen.getByLabelText('Password'), 'pw');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('PP app', () => {
  it('logs the operator in and shows who they are and their roles', async () => {
    const calls = stubBackend({
      'POST /api/pp/auth/login': json(200, { access_token: 'pp-tok', token_type: 'Bearer', expires_in: 900, operator }),
    });
    renderApp(ppRoutes, '/');
    expect(await screen.findByRole('heading', { name: 'Operator sign in' })).toBeInTheDocument();

    await signIn();

    expect(await screen.findByRole('heading', { name: 'Welcome, Olga' })).toBeInTheDocument();
    expect(screen.getByText('olga@myagents.example')).toBeInTheDocument();
    const roles = screen.getByRole('list', { name: 'Your roles' });
    expect(roles).toHaveTextContent('agent author');
    expect(roles).toHaveTextContent('support');
    expect(calls[0].body).toEqual({ email: 'olga@myagents.example', password: 'pw' });
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
    ppSession.start({ access_token: 'pp-tok', token_type: 'Bearer', expires_in: 900 }, operator);
    renderApp(ppRoutes, '/');

    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Operator sign in' })).toBeInTheDocument();
    expect(ppSession.current()).toBeNull();
  });
});
