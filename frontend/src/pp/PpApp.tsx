import type { ReactNode } from 'react';
import { Navigate, Outlet } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { AppShell, LoginPage, RequireSession } from '../shared/auth';
import { RequireAccess } from './access';
import type { Area } from './access';
import { AgentTypesPage } from './agentTypes/AgentTypesPage';
import { AgentTypeVersionsPage } from './agentTypes/AgentTypeVersionsPage';
import { VersionPage } from './agentTypes/VersionPage';
import { LandingPage } from './LandingPage';
import { CorrelationLookupPage, CorrelationPage } from './ops/CorrelationPage';
import { DecisionsPage, DenialsPage } from './ops/AuditPages';
import { HiredAgentPage } from './ops/HiredAgentPage';
import { HiredAgentSearchPage } from './ops/HiredAgentSearchPage';
import { PpLayout } from './PpLayout';
import { ppApi, ppSession } from './ppApi';

async function login(credentials: { email: string; password: string }) {
  const granted = await ppApi.login(credentials);
  return { grant: granted, principal: granted.operator };
}

function guarded(area: Area, page: ReactNode) {
  return <RequireAccess area={area}>{page}</RequireAccess>;
}

export const ppRoutes: RouteObject[] = [
  {
    element: <AppShell brand="My Agents · Operations" store={ppSession} />,
    children: [
      { path: '/login', element: <LoginPage heading="Operator sign in" store={ppSession} login={login} /> },
      {
        element: (
          <RequireSession store={ppSession}>
            <PpLayout />
          </RequireSession>
        ),
        children: [
          { path: '/', element: <LandingPage /> },
          {
            path: '/agent-types',
            element: <Outlet />,
            children: [
              { index: true, element: guarded('readAgentTypes', <AgentTypesPage />) },
              { path: ':agentTypeId', element: guarded('readAgentTypes', <AgentTypeVersionsPage />) },
              { path: ':agentTypeId/versions/:version', element: guarded('readAgentTypes', <VersionPage />) },
            ],
          },
          { path: '/ops/hired-agents', element: guarded('supportViews', <HiredAgentSearchPage />) },
          { path: '/ops/hired-agents/:hiredInstanceId', element: guarded('supportViews', <HiredAgentPage />) },
          { path: '/ops/denials', element: guarded('auditViews', <DenialsPage />) },
          { path: '/ops/decisions', element: guarded('auditViews', <DecisionsPage />) },
          { path: '/ops/correlations', element: guarded('auditViews', <CorrelationLookupPage />) },
          { path: '/ops/correlations/:correlationId', element: guarded('auditViews', <CorrelationPage />) },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
];
