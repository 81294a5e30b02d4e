import { createApiClient } from '../../shared/api';
import { SessionStore } from '../../shared/session';
import type { Customer } from './cpTypes';

// The one HTTP client of the customer app: the session's bearer token on every call, a 401 ends
// the session. Plant's paths are reached through cp-backend as /api/cp/<path after /api/v1/>.

export const cpSession = new SessionStore<Customer>('myagents.cp.session');

export const client = createApiClient({
  getToken: () => cpSession.current()?.access_token,
  onUnauthorized: () => cpSession.expire(),
});

/** The Authorization header for the few calls made with fetch itself (binary bodies). */
export function bearer(): Record<string, string> {
  const token = cpSession.current()?.access_token;
  return token ? { Authorization: `Bearer ${token}` } : {};
}
