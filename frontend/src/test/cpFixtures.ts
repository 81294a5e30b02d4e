import type { AgentInstanceSummary, Customer, MyAgentsSummary } from '../cp/cpApi';
import { cpSession } from '../cp/cpApi';

const DAY_MS = 24 * 60 * 60 * 1000;

export const customer: Customer = { customer_id: 'cust-1', email: 'dana@example.com', display_name: 'Dana' };

export function signedInCustomer(): void {
  cpSession.start({ access_token: 'cp-token', token_type: 'Bearer', expires_in: 3600 }, customer);
}

/** The customer's marketing agent as every CP view names it: the summary and the hired agent alike. */
export const clinicAgent = {
  subscription_id: 'sub-1',
  hired_instance_id: 'hired-1',
  nickname: 'Clinic buzz',
  agent_type_id: 'marketing.healthcare.v1',
};

export function instance(overrides: Partial<AgentInstanceSummary> = {}): AgentInstanceSummary {
  return {
    ...clinicAgent,
    agent_type_version: 1,
    configured: true,
    goals_completed: true,
    goals_count: 3,
    trial_status: 'active',
    trial_start_at: new Date(Date.now() - 2 * DAY_MS).toISOString(),
    trial_end_at: new Date(Date.now() + 5 * DAY_MS - 60_000).toISOString(),
    subscription_status: 'active',
    retention_until: null,
    drafts_pending_review: 2,
    ...overrides,
  };
}

export function summaryOf(...instances: AgentInstanceSummary[]): MyAgentsSummary {
  return { instances };
}

export const twoAgents = summaryOf(
  instance(),
  instance({
    subscription_id: 'sub-2',
    hired_instance_id: 'hired-2',
    nickname: 'Futures desk',
    agent_type_id: 'trading.delta_futures.v1',
    configured: false,
    goals_completed: false,
    goals_count: 0,
    trial_status: null,
    trial_start_at: null,
    trial_end_at: null,
    drafts_pending_review: 0,
  }),
);
