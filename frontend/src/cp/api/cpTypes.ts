import type { TokenGrant } from '../../shared/session';

// What cp-backend itself answers (sign-in, the hub's summary, credentials, media): its own
// contract, not Plant's, so not in Plant's OpenAPI document.

export interface Customer {
  customer_id: string;
  email: string;
  display_name: string;
}

export interface CpLoginResponse extends TokenGrant {
  customer: Customer;
}

/** One hired agent of the customer, with its subscription and trial, as the hub shows it (cp-backend's InstanceSummary). */
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
