import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { AppShell, LoginPage, NotFoundPage, RequireSession } from '../shared/auth';
import { Titled } from './Titled';
import { RequireAccess } from './access';
import type { Area } from './access';
import { AgentTypesPage } from './agentTypes/AgentTypesPage';
import { AgentTypeVersionsPage } from './agentTypes/AgentTypeVersionsPage';
import { VersionPage } from './agentTypes/VersionPage';
import { LandingPage } from './LandingPage';
import { CorrelationLookupPage, CorrelationPage } from './ops/CorrelationPage';
import { DecisionsPage, DenialsPage } from './ops/AuditPages';
import { DeadLettersPage } from './ops/DeadLettersPage';
import { HiredAgentPage } from './ops/HiredAgentPage';
import { HiredAgentSearchPage } from './ops/HiredAgentSearchPage';
import { PpLayout } from './PpLayout';
import { ppApi, ppSession } from './ppApi';

async function login(credentials: { email: string; password: string }) {
  const granted = await ppApi.login(credentials);
  return { grant: granted, principal: granted.operator };
}

function guarded(area: Area, page: ReactNode, title?: string) {
  return (
    <RequireAccess area={area}>
      {title ? <Titled title={title}>{page}</Titled> : page}
    </RequireAccess>
  );
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
          { path: '/', element: <Titled title="Home"><LandingPage /></Titled> },
          {
            path: '/agent-types',
            element: <Outlet />,
            children: [
              { index: true, element: guarded('readAgentTypes', <AgentTypesPage />, 'Agent types') },
              { path: ':agentTypeId', element: guarded('readAgentTypes', <AgentTypeVersionsPage />, 'Agent type') },
              { path: ':agentTypeId/versions/:version', element: guarded('readAgentTypes', <VersionPage />, 'Agent type version') },
            ],
          },
          { path: '/ops/hired-agents', element: guarded('supportViews', <HiredAgentSearchPage />, 'Hired agents') },
          { path: '/ops/hired-agents/:hiredInstanceId', element: guarded('supportViews', <HiredAgentPage />, 'Hired agent') },
          { path: '/ops/denials', element: guarded('auditViews', <DenialsPage />, 'Denials') },
          { path: '/ops/decisions', element: guarded('auditViews', <DecisionsPage />, 'Decisions') },
          { path: '/ops/correlations', element: guarded('auditViews', <CorrelationLookupPage />, 'Find a correlation') },
          { path: '/ops/correlations/:correlationId', element: guarded('auditViews', <CorrelationPage />, 'Correlation') },
          { path: '/ops/dead-letters', element: guarded('supportViews', <DeadLettersPage />, 'Dead letters') },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
