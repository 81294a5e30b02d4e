import { createApiClient } from '../shared/api';
import type { Credentials } from '../shared/LoginForm';
import { SessionStore } from '../shared/session';
import type { TokenGrant } from '../shared/session';

// The PP backend's contract as the operator app uses it.

export interface Operator {
  operator_id: string;
  email: string;
  display_name: string;
  roles: string[];
}

export interface PpLoginResponse extends TokenGrant {
  operator: Operator;
}

export const ppSession = new SessionStore<Operator>('myagents.pp.session');

const client = createApiClient({
  getToken: () => ppSession.current()?.access_token,
  onUnauthorized: () => ppSession.end(),
});

export const ppApi = {
  login: (credentials: Credentials) => client.post<PpLoginResponse>('/api/pp/auth/login', credentials),
};
