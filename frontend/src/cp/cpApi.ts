import { createApiClient, segment } from '../shared/api';
import type { Credentials } from '../shared/LoginForm';
import { SessionStore } from '../shared/session';
import type { TokenGrant } from '../shared/session';

// The CP backend's contract as the customer app uses it (paths and field names are the contract).

export interface Customer {
  customer_id: string;
  email: string;
  display_name: string;
}

export interface CpLoginResponse extends TokenGrant {
  customer: Customer;
}

/** One hired agent of the customer, with its subscription and trial, as the hub shows it. */
export interface AgentInstanceSummary {
  subscription_id: string;
  hired_instance_id: string;
  nickname: string;
  agent_type_id: string;
  agent_type_version: string | number;
  configured: boolean;
  goals_completed: number;
  trial_status: string | null;
  trial_start_at: string | null;
  trial_end_at: string | null;
  subscription_status: string;
  retention_until: string | null;
  drafts_pending_review: number;
}

export interface MyAgentsSummary {
  instances: AgentInstanceSummary[];
  /** hired_instance_id the backend suggests when the URL names none. */
  selected?: string | null;
}

export interface GoalTemplate {
  goal_template_id: string;
  display_name?: string;
  description?: string;
  default_frequency?: string;
  settings_schema?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface AgentTypeDefinition {
  agent_type_id: string;
  version: string | number;
  display_name: string;
  config_schema: Record<string, unknown>;
  ui_hints?: Record<string, unknown>;
  goal_templates: GoalTemplate[];
}

/** A draft a goal run produced; executing it is what enforcement decides on. */
export interface Deliverable {
  deliverable_id: string;
  hired_instance_id?: string;
  goal_instance_id?: string;
  goal_template_id?: string;
  kind?: string;
  title?: string;
  state: string;
  payload?: Record<string, unknown>;
  proposed_actions?: string[];
  approval_id?: string | null;
  suggested_for?: string | null;
  created_at?: string;
}

export interface DeliverableList {
  deliverables: Deliverable[];
}

export interface ExecuteRequest {
  approval_id?: string;
  action?: string;
}

/** 202 answer: enforcement allowed the request; `outcome` says what happened (e.g. executed, dry run). */
export interface ExecutionAccepted {
  correlation_id: string;
  outcome: string;
}

export const cpSession = new SessionStore<Customer>('myagents.cp.session');

const client = createApiClient({
  getToken: () => cpSession.current()?.access_token,
  onUnauthorized: () => cpSession.end(),
});

export const cpApi = {
  login: (credentials: Credentials) => client.post<CpLoginResponse>('/api/cp/auth/login', credentials),

  myAgentsSummary: () => client.get<MyAgentsSummary>('/api/cp/my-agents/summary'),

  agentType: (agentTypeId: string, version?: string | number) =>
    client.get<AgentTypeDefinition>(`/api/cp/agent-types/${segment(agentTypeId)}`, { version }),

  deliverables: (hiredInstanceId: string) =>
    client.get<DeliverableList>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/deliverables`),

  execute: (deliverableId: string, request: ExecuteRequest) =>
    client.post<ExecutionAccepted>(`/api/cp/deliverables/${segment(deliverableId)}/execute`, request),
};

export const cpQueryKeys = {
  summary: ['cp', 'my-agents-summary'] as const,
  agentType: (agentTypeId: string, version: string | number) => ['cp', 'agent-type', agentTypeId, String(version)] as const,
  deliverables: (hiredInstanceId: string) => ['cp', 'deliverables', hiredInstanceId] as const,
};
