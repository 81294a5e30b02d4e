import { createApiClient, segment } from '../shared/api';
import type { Credentials } from '../shared/LoginForm';
import { SessionStore } from '../shared/session';
import type { TokenGrant } from '../shared/session';
import type { JsonSchema } from './schemaForm/schema';
import type { UiHints } from './schemaForm/fields';
import type { DefinitionRule } from './schemaForm/definitionRules';
import type { Violation } from './schemaForm/validate';

// The CP backend's contract as the customer app uses it (paths and field names are the contract).
// Plant's paths are reached as /api/cp/<path after /api/v1/>.

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
  goals_completed: number | boolean;
  goals_count?: number;
  trial_status: string | null;
  trial_start_at: string | null;
  trial_end_at: string | null;
  trial_days_left?: number | null;
  subscription_status: string;
  retention_until: string | null;
  read_only?: boolean;
  drafts_pending_review: number;
  /** Lifecycle: which plan the instance is on and what it may spend. */
  plan?: 'trial' | 'paid' | 'none' | string;
  budget_minor_per_month?: number | null;
  max_budget_minor_per_month?: number;
  currency?: string;
  month_spend_minor?: number;
  ended_at?: string | null;
  approval_ttl_hours?: number;
  /** The agent type's name for people, when the backend sends it. */
  agent_type_display_name?: string;
  /** The agent's own timezone (its config), when the backend sends it. */
  timezone?: string | null;
}

export interface MyAgentsSummary {
  instances: AgentInstanceSummary[];
  /** hired_instance_id the backend suggests when the URL names none. */
  selected?: string | null;
}

export interface GoalTemplate {
  goal_template_id: string;
  name?: string;
  /** Older drafts of the contract called the name display_name. */
  display_name?: string;
  description?: string;
  default_frequency?: string;
  allowed_frequencies?: string[];
  needs_time_window?: boolean;
  settings_schema?: JsonSchema;
  ui_hints?: UiHints;
  proposed_actions?: string[];
  [field: string]: unknown;
}

export interface EnforcementDefaults {
  approval_required?: boolean;
  deterministic?: boolean;
  trial_days?: number;
  trial_caps?: { actions_per_day?: number; goal_runs_per_day?: number; cost_minor_per_day?: number };
  trial_allowed_actions?: string[];
  trial_dry_run_actions?: string[];
  action_costs_minor?: Record<string, number>;
  budget_minor_per_month?: number;
  currency?: string;
  [field: string]: unknown;
}

export interface AgentTypeDefinition {
  agent_type_id: string;
  version: string | number;
  status?: string;
  display_name: string;
  description?: string;
  config_schema: JsonSchema;
  ui_hints?: UiHints;
  goal_templates: GoalTemplate[];
  enforcement_defaults?: EnforcementDefaults;
  extra_rules?: DefinitionRule[];
}

export interface AgentTypeList {
  agent_types: AgentTypeDefinition[];
}

export interface Subscription {
  subscription_id: string;
  customer_id?: string;
  agent_type_id: string;
  status: string;
  trial_status?: string | null;
  trial_end_at?: string | null;
  hired_instance_id?: string | null;
  created_at?: string;
}

/** A hired agent instance with its config (refs only) and what Plant computed about it. */
export interface HiredAgent {
  hired_instance_id: string;
  subscription_id: string;
  agent_type_id: string;
  agent_type_version: string | number;
  nickname?: string | null;
  config: Record<string, unknown> | null;
  configured: boolean;
  /** Pointers relative to the config, e.g. "/brand_name". */
  config_violations?: Violation[];
  goals_count?: number;
  finalized_at?: string | null;
  subscription_status?: string;
  trial_status?: string | null;
  trial_start_at?: string | null;
  trial_end_at?: string | null;
  read_only?: boolean;
}

export interface DraftConfigRequest {
  subscription_id: string;
  nickname?: string;
  config: Record<string, unknown>;
}

export interface Goal {
  goal_instance_id: string;
  hired_instance_id?: string;
  goal_template_id: string;
  frequency: string;
  time_of_day?: string | null;
  /** null: the goal follows the agent's timezone. */
  timezone?: string | null;
  settings: Record<string, unknown>;
  enabled: boolean;
  created_at?: string;
  updated_at?: string;
  last_run?: GoalRun | null;
}

/** The latest run of a goal; a denied one carries enforcement's reason. */
export interface GoalRun {
  run_id: string;
  period_key?: string;
  status: 'triggered' | 'completed' | 'failed' | 'denied' | 'skipped' | string;
  reason?: string | null;
  detail?: string | null;
  cost_minor?: number | null;
  triggered_at?: string | null;
  completed_at?: string | null;
}

export interface GoalList {
  goals: Goal[];
}

export interface GoalRequest {
  goal_instance_id?: string;
  goal_template_id: string;
  frequency: string;
  time_of_day?: string;
  /** null or absent: follow the agent's timezone. */
  timezone?: string | null;
  settings: Record<string, unknown>;
  enabled: boolean;
}

export interface GoalRunAccepted {
  run_id: string;
  goal_instance_id: string;
}

export interface Approval {
  approval_id: string;
  verdict: 'approved' | 'rejected' | 'voided' | string;
  reviewer?: string | null;
  notes?: string | null;
  decided_at?: string | null;
  expires_at?: string | null;
}

export interface ExecutionResultRecord {
  status: 'executed' | 'failed' | 'dry_run' | 'executed_manually' | string;
  external_id?: string | null;
  detail?: string | null;
  /** When the connector finished (published, placed, or recorded the dry run). */
  completed_at?: string | null;
  /** A dry run's would-be request: {platform, text} for posts, the order's fields for orders. */
  request_summary?: Record<string, unknown> | null;
}

export interface LastExecution {
  correlation_id: string;
  status: 'pending' | 'allowed' | 'denied' | 'executed' | 'failed' | string;
  reason?: string | null;
  requested_at?: string | null;
  decided_at?: string | null;
  result?: ExecutionResultRecord | null;
}

/** A draft a goal run produced; executing it is what enforcement decides on. */
export interface Deliverable {
  deliverable_id: string;
  run_id?: string;
  hired_instance_id?: string;
  goal_instance_id?: string;
  goal_template_id?: string;
  kind?: string;
  title?: string;
  state: string;
  payload?: Record<string, unknown>;
  proposed_actions?: string[];
  payload_hash?: string;
  suggested_for?: string | null;
  scheduled_for?: string | null;
  created_at?: string;
  updated_at?: string;
  approval?: Approval | null;
  /** Older shape: the approval id at the top level. */
  approval_id?: string | null;
  last_execution?: LastExecution | null;
  /** A failed execution that may be tried again (approve again, then execute). */
  retryable?: boolean;
  /** A reason code saying why the last execution failed. */
  failure_reason?: string | null;
}

export interface BudgetRequest {
  budget_minor_per_month: number;
}

export interface EditDeliverableRequest {
  payload: Record<string, unknown>;
}

export interface DeliverableFilters {
  state?: string;
  goal_instance_id?: string;
  platform?: string;
}

export interface DeliverableList {
  deliverables: Deliverable[];
  page?: number;
  size?: number;
  total?: number;
}

export interface ReviewRequest {
  decision: 'approved' | 'rejected';
  notes?: string;
  scheduled_for?: string;
}

export interface BatchReviewRequest {
  deliverable_ids: string[];
  decision: 'approved' | 'rejected';
  notes?: string;
}

export interface BatchReviewResult {
  deliverable_id: string;
  status: string;
  approval_id?: string | null;
  problem?: { title?: string; detail?: string; status?: number; reason?: string } | null;
}

export interface BatchReviewResponse {
  results: BatchReviewResult[];
}

export interface ExecuteRequest {
  approval_id?: string;
  action?: string;
  /** The customer published the post by hand: enforced like any execution, recorded as executed_manually. */
  manual?: { posted_url?: string };
}

/**
 * 202 answer: enforcement allowed the request (`allowed`), or had not decided within the wait
 * (`pending`: poll the status). The connector's result arrives later on the deliverable.
 */
export interface ExecutionAccepted {
  correlation_id: string;
  outcome: 'allowed' | 'pending' | string;
  decision_id?: string;
  reason?: string;
  status_url?: string;
}

/** What a credential API answers: the reference and harmless facts, never a secret. */
export interface StoredCredential {
  credential_ref: string;
  platform?: string;
  posting_identity?: string;
  exchange_provider?: string;
  hint?: string;
  default_coin?: string;
  allowed_coins?: string[];
  created_at?: string;
  rotated_at?: string | null;
  last_used_at?: string | null;
}

export interface PlatformCredentialRequest {
  platform: string;
  posting_identity: string;
  access_token: string;
  refresh_token?: string;
}

export interface ExchangeSetupRequest {
  exchange_provider: string;
  api_key: string;
  api_secret: string;
  default_coin: string;
  allowed_coins: string[];
  max_units_per_order: number;
  max_notional_inr?: number;
}

/**
 * The credential APIs a definition's ui_hints may name. Only these are ever sent secrets: a
 * definition cannot point the browser's secrets anywhere else.
 */
export const CREDENTIAL_APIS = {
  '/api/cp/platform-credentials': 'platform',
  '/api/cp/exchange-setup': 'exchange',
} as const;

export type CredentialApiPath = keyof typeof CREDENTIAL_APIS;
export type CredentialKind = (typeof CREDENTIAL_APIS)[CredentialApiPath];

export function credentialKindOf(path: string | undefined): CredentialKind | undefined {
  return path && Object.hasOwn(CREDENTIAL_APIS, path) ? CREDENTIAL_APIS[path as CredentialApiPath] : undefined;
}

/** The GET of a credential API may answer a list, a wrapper with one, or one record. */
function storedCredentials(answer: unknown): StoredCredential[] {
  const isRecord = (value: unknown): value is StoredCredential =>
    Boolean(value) && typeof value === 'object' && typeof (value as StoredCredential).credential_ref === 'string';
  if (Array.isArray(answer)) {
    return answer.filter(isRecord);
  }
  if (isRecord(answer)) {
    return [answer];
  }
  if (answer && typeof answer === 'object') {
    const list = Object.values(answer).find(Array.isArray);
    return list ? list.filter(isRecord) : [];
  }
  return [];
}

export const cpSession = new SessionStore<Customer>('myagents.cp.session');

const client = createApiClient({
  getToken: () => cpSession.current()?.access_token,
  onUnauthorized: () => cpSession.expire(),
});

/** An image of the customer's media library, as a blob (the preview needs the bearer token). */
async function mediaContent(mediaId: string): Promise<Blob> {
  const token = cpSession.current()?.access_token;
  const response = await fetch(`/api/cp/media/${segment(mediaId)}/content`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    throw new Error(`the image could not be loaded (HTTP ${response.status})`);
  }
  return response.blob();
}

/** An image of the customer's media library (its bytes are fetched apart, with mediaContent). */
export interface MediaAsset {
  media_id: string;
  content_type: string;
  size_bytes: number;
  file_name?: string | null;
  created_at?: string;
}

/** The upload takes the file's raw bytes, typed image/jpeg or image/png; the backend checks them by their first bytes. */
async function uploadMedia(file: File): Promise<MediaAsset> {
  const token = cpSession.current()?.access_token;
  const name = file.name ? `?name=${encodeURIComponent(file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120))}` : '';
  const response = await fetch(`/api/cp/media${name}`, {
    method: 'POST',
    headers: { 'Content-Type': file.type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: file,
  });
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (answer ?? {}) as { detail?: string; errors?: { message?: string }[] };
    const reason = problem.errors?.[0]?.message ?? problem.detail ?? `HTTP ${response.status}`;
    throw new Error(`The image was not uploaded: the file ${reason}.`);
  }
  return answer as MediaAsset;
}

export interface RegenerateAccepted {
  run_id: string;
  supersedes: string;
}

export const cpApi = {
  mediaContent,
  uploadMedia,
  media: () => client.get<{ media: MediaAsset[] }>('/api/cp/media'),
  /** Writes one post again: a new run of its goal for that post, charged like a run. */
  regenerate: (deliverableId: string) =>
    client.post<RegenerateAccepted>(`/api/cp/deliverables/${segment(deliverableId)}/regenerate`),
  login: (credentials: Credentials) => client.post<CpLoginResponse>('/api/cp/auth/login', credentials),

  myAgentsSummary: () => client.get<MyAgentsSummary>('/api/cp/my-agents/summary'),
  /** Which generator drafts posts in this deployment, and the languages it writes. */
  drafting: () => client.get<{ generator: string; label: string; languages: string[] }>('/api/cp/drafting'),

  agentTypes: () => client.get<AgentTypeList>('/api/cp/agent-types'),

  agentType: (agentTypeId: string, version?: string | number) =>
    client.get<AgentTypeDefinition>(`/api/cp/agent-types/${segment(agentTypeId)}`, { version }),

  hire: (agentTypeId: string) => client.post<Subscription>('/api/cp/subscriptions', { agent_type_id: agentTypeId }),

  hiredAgent: (hiredInstanceId: string) => client.get<HiredAgent>(`/api/cp/hired-agents/${segment(hiredInstanceId)}`),

  hiredAgentBySubscription: (subscriptionId: string) =>
    client.get<HiredAgent>(`/api/cp/hired-agents/by-subscription/${segment(subscriptionId)}`),

  saveDraft: (request: DraftConfigRequest) => client.put<HiredAgent>('/api/cp/hired-agents/draft', request),

  finalize: (hiredInstanceId: string) =>
    client.post<HiredAgent>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/finalize`),

  goals: (hiredInstanceId: string) => client.get<GoalList>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/goals`),

  saveGoal: (hiredInstanceId: string, request: GoalRequest) =>
    client.put<Goal>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/goals`, request),

  deleteGoal: (hiredInstanceId: string, goalInstanceId: string) =>
    client.delete<void>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/goals/${segment(goalInstanceId)}`),

  runGoal: (hiredInstanceId: string, goalInstanceId: string) =>
    client.post<GoalRunAccepted>(
      `/api/cp/hired-agents/${segment(hiredInstanceId)}/goals/${segment(goalInstanceId)}/run`,
    ),

  deliverables: (hiredInstanceId: string, filters: DeliverableFilters = {}) =>
    client.get<DeliverableList>(`/api/cp/hired-agents/${segment(hiredInstanceId)}/deliverables`, {
      ...filters,
      page: 0,
      size: 50,
    }),

  deliverable: (deliverableId: string) => client.get<Deliverable>(`/api/cp/deliverables/${segment(deliverableId)}`),

  review: (deliverableId: string, request: ReviewRequest) =>
    client.post<Deliverable>(`/api/cp/deliverables/${segment(deliverableId)}/review`, request),

  reviewBatch: (request: BatchReviewRequest) =>
    client.post<BatchReviewResponse>('/api/cp/deliverables/review-batch', request),

  execute: (deliverableId: string, request: ExecuteRequest) =>
    client.post<ExecutionAccepted>(`/api/cp/deliverables/${segment(deliverableId)}/execute`, request),

  execution: (correlationId: string) => client.get<ExecutionAccepted>(`/api/cp/executions/${segment(correlationId)}`),

  editDeliverable: (deliverableId: string, request: EditDeliverableRequest) =>
    client.put<Deliverable>(`/api/cp/deliverables/${segment(deliverableId)}`, request),

  /** Lifecycle: a trial or ended plan becomes a paid one with a monthly budget. */
  subscribe: (subscriptionId: string, request: BudgetRequest) =>
    client.post<AgentInstanceSummary>(`/api/cp/subscriptions/${segment(subscriptionId)}/convert`, request),

  changeBudget: (subscriptionId: string, request: BudgetRequest) =>
    client.put<AgentInstanceSummary>(`/api/cp/subscriptions/${segment(subscriptionId)}/budget`, request),

  cancelSubscription: (subscriptionId: string) =>
    client.post<AgentInstanceSummary>(`/api/cp/subscriptions/${segment(subscriptionId)}/cancel`),

  /** Remembers the instance the customer opened, so the hub opens it next time. */
  selectInstance: (hiredInstanceId: string) =>
    client.put<void>('/api/cp/my-agents/selected', { hired_instance_id: hiredInstanceId }),

  credentials: async (api: CredentialApiPath) => storedCredentials(await client.get<unknown>(api)),

  connectPlatform: (request: PlatformCredentialRequest) =>
    client.put<StoredCredential>('/api/cp/platform-credentials', request),

  connectExchange: (request: ExchangeSetupRequest) => client.put<StoredCredential>('/api/cp/exchange-setup', request),
};

export const cpQueryKeys = {
  summary: ['cp', 'my-agents-summary'] as const,
  agentTypes: ['cp', 'agent-types'] as const,
  agentType: (agentTypeId: string, version: string | number) => ['cp', 'agent-type', agentTypeId, String(version)] as const,
  hiredAgent: (hiredInstanceId: string) => ['cp', 'hired-agent', hiredInstanceId] as const,
  goals: (hiredInstanceId: string) => ['cp', 'goals', hiredInstanceId] as const,
  /** Prefix of every filtered list of one agent: invalidating it refreshes them all. */
  deliverables: (hiredInstanceId: string) => ['cp', 'deliverables', hiredInstanceId] as const,
  deliverablesFiltered: (hiredInstanceId: string, filters: DeliverableFilters) =>
    ['cp', 'deliverables', hiredInstanceId, filters] as const,
  credentials: (api: string) => ['cp', 'credentials', api] as const,
  media: ['cp', 'media'] as const,
  mediaContent: (mediaId: string) => ['cp', 'media', mediaId, 'content'] as const,
};
