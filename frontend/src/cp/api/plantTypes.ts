import type { PlantRecord, Refine } from '../../api/plantTypes';
import type { DefinitionRule } from '../schemaForm/definitionRules';
import type { UiHints } from '../schemaForm/fields';
import type { JsonSchema } from '../schemaForm/schema';
import type { Violation } from '../schemaForm/validate';

// Plant's payloads as the customer app receives and sends them through cp-backend (which passes
// them through unchanged): field names and value types from Plant's OpenAPI document; the shapes
// of JSON-valued fields (schemas, hints, configs, payloads) from what the app reads in them.

/** A goal template inside a definition's goal_templates (JSON: the document says "any JSON"). */
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

/** A definition's enforcement_defaults (JSON). */
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

export type AgentTypeDefinition = Refine<
  PlantRecord<'AgentTypeDefinition', 'agent_type_id' | 'version' | 'display_name'>,
  {
    config_schema: JsonSchema;
    ui_hints?: UiHints;
    goal_templates: GoalTemplate[];
    enforcement_defaults?: EnforcementDefaults;
    extra_rules?: DefinitionRule[];
  }
>;

export interface AgentTypeList {
  agent_types: AgentTypeDefinition[];
}

export type Subscription = PlantRecord<'SubscriptionView', 'subscription_id' | 'agent_type_id' | 'status'>;

/** A hired agent instance with its config (refs only) and what Plant computed about it. */
export type HiredAgent = Refine<
  PlantRecord<'HiredAgentView', 'hired_instance_id' | 'subscription_id' | 'agent_type_id' | 'agent_type_version' | 'configured'>,
  {
    config: Record<string, unknown> | null;
    /** Pointers relative to the config, e.g. "/brand_name". */
    config_violations?: Violation[] | null;
  }
>;

export type DraftConfigRequest = Refine<PlantRecord<'DraftConfigRequest', 'subscription_id'>, { config: Record<string, unknown> }>;

/** The latest run of a goal; a denied one carries enforcement's reason. */
export type GoalRun = PlantRecord<'GoalRunView', 'run_id' | 'status'>;

export type Goal = Refine<
  PlantRecord<'GoalView', 'goal_instance_id' | 'goal_template_id' | 'frequency' | 'enabled'>,
  { settings: Record<string, unknown>; last_run?: GoalRun | null }
>;

export interface GoalList {
  goals: Goal[];
}

/** timezone null or absent: the goal follows the agent's timezone. */
export type GoalRequest = Refine<
  PlantRecord<'GoalRequest', 'goal_template_id' | 'frequency' | 'enabled'>,
  { settings: Record<string, unknown> }
>;

export type Approval = PlantRecord<'Approval', 'approval_id' | 'verdict'>;

export type ExecutionResultRecord = Refine<
  PlantRecord<'Result', 'status'>,
  {
    /** A dry run's would-be request: {platform, text} for posts, the order's fields for orders. */
    request_summary?: Record<string, unknown> | null;
  }
>;

export type LastExecution = Refine<PlantRecord<'Execution', 'correlation_id' | 'status'>, { result?: ExecutionResultRecord | null }>;

/** A draft a goal run produced; executing it is what enforcement decides on. */
export type Deliverable = Refine<
  PlantRecord<'DeliverableView', 'deliverable_id' | 'state'>,
  {
    payload?: Record<string, unknown>;
    approval?: Approval | null;
    last_execution?: LastExecution | null;
  }
> &
  LegacyDeliverableFields;

/**
 * Fields Plant's DeliverableView does not have (the document says so) that the review screens
 * still read first and the tests' fixtures still carry; in production they are always absent and
 * the screens fall back to what Plant sends (a title from kind/platform, the approval's id).
 */
interface LegacyDeliverableFields {
  title?: string;
  approval_id?: string | null;
}

export type DeliverableList = Refine<PlantRecord<'Page', 'deliverables'>, { deliverables: Deliverable[] }>;

export type BudgetRequest = PlantRecord<'BudgetRequest', 'budget_minor_per_month'>;

export type EditDeliverableRequest = Refine<PlantRecord<'EditRequest'>, { payload: Record<string, unknown> }>;

export type ReviewDecision = 'approved' | 'rejected';

export type ReviewRequest = Refine<PlantRecord<'ReviewRequest', 'decision'>, { decision: ReviewDecision }>;

export type BatchReviewRequest = Refine<PlantRecord<'Batch', 'deliverable_ids' | 'decision'>, { decision: ReviewDecision }>;

/** manual: the customer published the post by hand; enforced like any execution, recorded as executed_manually. */
export type ExecuteRequest = PlantRecord<'ExecuteRequest'>;

// Answers the document describes only as a map or an object (Map<String, …> or
// ResponseEntity<Object> in Java): typed from what ingest-api's controllers write into them.

export interface GoalRunAccepted {
  run_id: string;
  goal_instance_id: string;
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

/**
 * 202 answer: enforcement allowed the request (`allowed`), or had not decided within the wait
 * (`pending`: poll the status). The connector's result arrives later on the deliverable.
 */
export interface ExecutionAccepted {
  correlation_id: string;
  outcome: 'allowed' | 'pending' | string;
  decision_id?: string;
  reason?: string;
  /** allowed: whether the connector sends for real or only reports what it would send. */
  mode?: 'dry_run' | 'live';
  /** allowed as a dry run: Plant's sentence saying nothing will be sent. */
  message?: string;
  status_url?: string;
}

export interface RegenerateAccepted {
  run_id: string;
  supersedes: string;
}
