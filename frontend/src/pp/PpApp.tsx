import { Navigate } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { AppShell, LoginPage, RequireSession } from '../shared/auth';
import { LandingPage } from './LandingPage';
import { ppApi, ppSession } from './ppApi';

async function login(credentials: { email: string; password: string }) {
  const granted = await ppApi.login(credentials);
  return { grant: granted, principal: granted.operator };
}

export const ppRoutes: RouteObject[] = [
  {
    element: <AppShell brand="My Agents · Operations" store={ppSession} />,
    children: [
      { path: '/login', element: <LoginPage heading="Operator sign in" store={ppSession} login={login} /> },
      {
        path: '/',
        element: (
          <RequireSession store={ppSession}>
            <LandingPage />
          </RequireSession>
        ),
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
];
