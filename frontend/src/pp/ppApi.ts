import { ApiProblem, createApiClient, segment } from '../shared/api';
import type { ProblemFieldError, QueryParams } from '../shared/api';
import type { Credentials } from '../shared/LoginForm';
import { SessionStore } from '../shared/session';
import type { TokenGrant } from '../shared/session';
import type { PlantRecord, Refine } from '../api/plantTypes';

// The PP backend's contract as the operator app uses it (paths and field names are the contract).
// Agent types and ops views are Plant's /api/v1/... reached through pp-backend's door as /api/pp/...
// Plant's records derive from Plant's OpenAPI document (../api/plantTypes.ts); the audit lists and
// the instance view are maps in that document (rows by column name), so they are typed here.

export interface Operator {
  operator_id: string;
  email: string;
  display_name: string;
  roles: string[];
}

/** An operator as other operators see them (GET /api/pp/operators). */
export interface OperatorName {
  operator_id: string;
  display_name: string;
  email: string;
}

export interface PpLoginResponse extends TokenGrant {
  operator: Operator;
}

/** Any JSON value a definition part may hold; the editor treats the parts as opaque JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The JSON parts of a definition, opaque to the editor. */
interface DefinitionJson {
  config_schema: Json;
  ui_hints: Json;
  goal_templates: Json;
  enforcement_defaults: Json;
  extra_rules: Json;
}

/** One version of an agent type, draft or published (status draft | published | retired). */
export type Definition = Refine<
  PlantRecord<'AgentTypeDefinition', 'agent_type_id' | 'version' | 'status' | 'display_name'>,
  DefinitionJson
>;

/** The parts of a draft an admin may change; absent parts stay as they are. */
export type DraftEdit = Refine<PlantRecord<'DefinitionDraft'>, Partial<DefinitionJson>>;

/** One guardrail failure: `path` is a JSON pointer into the definition, e.g. /ui_hints/theme/widget. */
export interface Finding {
  path: string;
  message: string;
}

export interface BreakingChange {
  kind: 'removed_required_field' | 'new_required_field' | 'narrowed_enum' | 'removed_goal_template' | string;
  path: string;
  message: string;
}

/**
 * A configured hired agent that a candidate version would leave unconfigured; customer_name is
 * the customer's display name, as their verified identity last said it.
 */
export type AffectedInstance = Refine<PlantRecord<'AffectedInstance', 'hired_instance_id'>, { violations?: ProblemFieldError[] | null }>;

export interface ValidationReport {
  agent_type_id: string;
  version: string;
  status: string | null;
  valid: boolean;
  errors: Finding[];
  compared_with: string | null;
  breaking_changes: BreakingChange[];
  affected_instances: AffectedInstance[];
  instances_checked: number;
}

export interface Page {
  page: number;
  size: number;
  total: number;
}

export interface HiredAgentCriteria {
  email?: string;
  customer_id?: string;
  subscription_id?: string;
  hired_instance_id?: string;
}

export type HiredAgentSummary = PlantRecord<
  'HiredAgentSummary',
  | 'hired_instance_id'
  | 'subscription_id'
  | 'customer_id'
  | 'agent_type_id'
  | 'agent_type_version'
  | 'configured'
  | 'subscription_status'
  | 'goals_count'
  | 'drafts_pending_review'
  | 'created_at'
>;

export type HiredAgentSearchResult = Refine<PlantRecord<'Found', 'page' | 'size' | 'total'>, { hired_agents: HiredAgentSummary[] }>;

/** A database row of an ops view: its columns by name, JSON columns as JSON. */
export type Row = Record<string, unknown>;

/** Everything support sees about one hired agent (config with refs only). */
export interface InstanceView {
  hired_agent: Row & {
    hired_instance_id: string;
    subscription_id: string;
    customer_id: string;
    customer_email?: string | null;
    customer_name?: string | null;
    agent_type_id: string;
    agent_type_version: string;
    nickname?: string | null;
    config: Json;
    configured: boolean;
    config_violations?: ProblemFieldError[] | null;
    finalized_at?: string | null;
  };
  subscription: Row | null;
  goals: Row[];
  runs: Row[];
  deliverables: Row[];
  approvals: Row[];
  executions: Row[];
  decisions: Row[];
  denials: Row[];
}

export interface CheckResult {
  check: string;
  passed: boolean;
  detail?: string | null;
}

/** One step of a correlation's timeline. */
export type TimelineEntry = Refine<PlantRecord<'TimelineEntry', 'at' | 'stage' | 'source' | 'summary'>, { details: Row }>;

/** The stages a timeline has (an enum in Plant's document). */
export type TimelineStage = TimelineEntry['stage'];

export type CorrelationTimeline = Refine<
  PlantRecord<'Timeline', 'correlation_id' | 'outcome'>,
  { timeline: TimelineEntry[] }
>;

export interface AuditFilters {
  customer_id?: string;
  subscription_id?: string;
  reason?: string;
  correlation_id?: string;
  /** ISO-8601 instant with an offset, inclusive. */
  from?: string;
  /** ISO-8601 instant with an offset, exclusive. */
  to?: string;
  /** Decisions only: allow | deny. */
  outcome?: string;
}

/** A denial as Plant's audit list writes it (a map in Plant's document, so typed here); a type, so it is a Row too. */
export type Denial = {
  denial_id: string;
  correlation_id: string;
  subscription_id: string | null;
  customer_id: string | null;
  customer_name?: string | null;
  deliverable_id: string | null;
  action: string | null;
  reason: string;
  detail: string | null;
  inputs: Json;
  policy_version: string;
  denied_at: string;
};

/** A decision as Plant's audit list writes it (see Denial). */
export type Decision = {
  decision_id: string;
  correlation_id: string;
  deliverable_id: string | null;
  subscription_id: string | null;
  customer_id: string | null;
  customer_name?: string | null;
  action: string | null;
  approval_id: string | null;
  outcome: 'allow' | 'deny' | string;
  reason: string;
  detail: string | null;
  checks: CheckResult[] | null;
  inputs: Json;
  policy_version: string;
  decided_at: string;
};

export interface DenialList extends Page {
  denials: Denial[];
}

export interface DecisionList extends Page {
  decisions: Decision[];
}

export const ppSession = new SessionStore<Operator>('myagents.pp.session');

const client = createApiClient({
  getToken: () => ppSession.current()?.access_token,
  onUnauthorized: () => ppSession.expire(),
});

const agentType = (agentTypeId: string) => `/api/pp/agent-types/${segment(agentTypeId)}`;
const version = (agentTypeId: string, v: string) => `${agentType(agentTypeId)}/versions/${segment(v)}`;

/** Filters as query parameters, blanks dropped. */
function query<T extends object>(filters: T, page?: number, size?: number): QueryParams {
  const params: QueryParams = {};
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') {
      params[name] = value.trim();
    }
  }
  return { ...params, page, size };
}

export const ppApi = {
  login: (credentials: Credentials) => client.post<PpLoginResponse>('/api/pp/auth/login', credentials),

  agentTypes: () => client.get<{ agent_types: Definition[] }>('/api/pp/agent-types'),

  /** Every operator's name, so PP names who did something instead of showing an id. */
  operators: () => client.get<{ operators: OperatorName[] }>('/api/pp/operators'),

  versions: (agentTypeId: string) => client.get<{ versions: Definition[] }>(`${agentType(agentTypeId)}/versions`),

  version: (agentTypeId: string, v: string) => client.get<Definition>(agentType(agentTypeId), { version: v }),

  /** A new draft copied from the latest version. */
  createDraft: (agentTypeId: string) => client.post<Definition>(`${agentType(agentTypeId)}/versions`, {}),

  editDraft: (agentTypeId: string, v: string, edit: DraftEdit) => client.put<Definition>(version(agentTypeId, v), edit),

  validate: (agentTypeId: string, v: string) => client.post<ValidationReport>(`${version(agentTypeId, v)}/validate`),

  publish: (agentTypeId: string, v: string, acknowledgeBreakingChanges: boolean) =>
    client.post<Definition>(`${version(agentTypeId, v)}/publish`, {
      acknowledge_breaking_changes: acknowledgeBreakingChanges,
    }),

  searchHiredAgents: (criteria: HiredAgentCriteria, page = 0, size = 25) =>
    client.get<HiredAgentSearchResult>('/api/pp/ops/hired-agents', query(criteria, page, size)),

  hiredAgent: (hiredInstanceId: string) =>
    client.get<InstanceView>(`/api/pp/ops/hired-agents/${segment(hiredInstanceId)}`),

  correlation: (correlationId: string) =>
    client.get<CorrelationTimeline>(`/api/pp/ops/correlations/${segment(correlationId)}`),

  denials: (filters: AuditFilters, page = 0, size = 25) =>
    client.get<DenialList>('/api/pp/ops/denials', query({ ...filters, outcome: undefined }, page, size)),

  decisions: (filters: AuditFilters, page = 0, size = 25) =>
    client.get<DecisionList>('/api/pp/ops/decisions', query(filters, page, size)),

  exportAudit,
};

export type ExportKind = 'denials' | 'decisions';
export type ExportFormat = 'csv' | 'jsonl';

/**
 * Every denial or decision the filters select, as a file: pp-backend streams it from Plant and
 * audits the download. Fetched with the session's token (a plain link could not carry it).
 */
async function exportAudit(
  kind: ExportKind,
  filters: AuditFilters,
  format: ExportFormat,
): Promise<{ blob: Blob; name: string }> {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(query(kind === 'denials' ? { ...filters, outcome: undefined } : filters))) {
    if (value !== undefined && value !== null) {
      params.set(name, String(value));
    }
  }
  const token = ppSession.current()?.access_token;
  let response: Response;
  try {
    response = await fetch(`/api/pp/ops/${kind}/export?${params.toString()}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch (cause) {
    throw ApiProblem.unreachable(cause);
  }
  if (!response.ok) {
    if (response.status === 401 && token) {
      ppSession.end();
    }
    throw await ApiProblem.fromResponse(response);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${kind}.${format}`;
  return { blob: await response.blob(), name };
}

export const ppQueryKeys = {
  agentTypes: ['pp', 'agent-types'] as const,
  operators: ['pp', 'operators'] as const,
  versions: (agentTypeId: string) => ['pp', 'versions', agentTypeId] as const,
  version: (agentTypeId: string, v: string) => ['pp', 'version', agentTypeId, v] as const,
  validation: (agentTypeId: string, v: string) => ['pp', 'validation', agentTypeId, v] as const,
  hiredAgentSearch: (criteria: HiredAgentCriteria, page: number) => ['pp', 'hired-agent-search', criteria, page] as const,
  hiredAgent: (hiredInstanceId: string) => ['pp', 'hired-agent', hiredInstanceId] as const,
  correlation: (correlationId: string) => ['pp', 'correlation', correlationId] as const,
  denials: (filters: AuditFilters, page: number) => ['pp', 'denials', filters, page] as const,
  decisions: (filters: AuditFilters, page: number) => ['pp', 'decisions', filters, page] as const,
};
