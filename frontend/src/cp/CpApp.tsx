import type { RouteObject } from 'react-router-dom';
import { AppShell, LoginPage, NotFoundPage, RequireSession } from '../shared/auth';
import { cpApi, cpSession } from './cpApi';
import { HirePage } from './hire/HirePage';
import { MyAgentsHub } from './hub/MyAgentsHub';

async function login(credentials: { email: string; password: string }) {
  const granted = await cpApi.login(credentials);
  return { grant: granted, principal: granted.customer };
}

export const cpRoutes: RouteObject[] = [
  {
    element: <AppShell brand="My Agents" store={cpSession} />,
    children: [
      { path: '/login', element: <LoginPage heading="Sign in to My Agents" store={cpSession} login={login} /> },
      {
        path: '/',
        element: (
          <RequireSession store={cpSession}>
            <main className="page">
              <h1 className="visually-hidden">My Agents</h1>
              <MyAgentsHub />
            </main>
          </RequireSession>
        ),
      },
      {
        path: '/hire',
        element: (
          <RequireSession store={cpSession}>
            <main className="page">
              <HirePage />
            </main>
          </RequireSession>
        ),
      },
      { path: '*', element: <NotFoundPage homeLabel="Go to My Agents" /> },
    ],
  },
];
