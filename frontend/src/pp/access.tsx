import type { ReactNode } from 'react';
import { useSession } from '../shared/session';
import { ppSession } from './ppApi';

/**
 * What an operator's roles open, as pp-backend enforces it (the UI only hides what would be
 * refused anyway): admins author agent types and see everything; support reads everything and
 * changes nothing; auditors see decisions, denials and correlations only. Unknown roles open nothing.
 */
export interface Access {
  /** Agent types and their versions. */
  readAgentTypes: boolean;
  /** New draft, edit, publish. */
  authorAgentTypes: boolean;
  /** Hired-agent search and per-instance view (configs, goals, drafts, approvals). */
  supportViews: boolean;
  /** Denials, decisions, correlation drill-down. */
  auditViews: boolean;
}

export type Area = keyof Access;

export function accessOf(roles: readonly string[]): Access {
  const has = (role: string) => roles.includes(role);
  const admin = has('admin');
  const support = has('support');
  return {
    readAgentTypes: admin || support,
    authorAgentTypes: admin,
    supportViews: admin || support,
    auditViews: admin || support || has('auditor'),
  };
}

export function useAccess(): Access {
  const session = useSession(ppSession);
  return accessOf(session?.principal.roles ?? []);
}

/** A page behind a right: an operator without it is told so instead of meeting a 403 per call. */
export function RequireAccess({ area, children }: { area: Area; children: ReactNode }) {
  const access = useAccess();
  if (!access[area]) {
    return (
      <main className="page">
        <div role="alert" className="alert alert-info">
          <p className="alert-title">Not available for your roles</p>
          <p>This page needs a role you do not have. Ask an administrator if you need it.</p>
        </div>
      </main>
    );
  }
  return children;
}
