import { segment } from '../../shared/api';
import type { Credentials } from '../../shared/LoginForm';
import { client } from './client';
import type { CpLoginResponse, MyAgentsSummary } from './cpTypes';
import type { AgentTypeDefinition, AgentTypeList, BudgetRequest, DraftConfigRequest, HiredAgent, Subscription } from './plantTypes';

/** Sign-in, the hub, the catalog, hiring, an agent's configuration and its plan. */
export const agentsApi = {
  login: (credentials: Credentials) => client.post<CpLoginResponse>('/api/cp/auth/login', credentials),

  myAgentsSummary: () => client.get<MyAgentsSummary>('/api/cp/my-agents/summary'),

  /** Remembers the instance the customer opened, so the hub opens it next time. */
  selectInstance: (hiredInstanceId: string) =>
    client.put<void>('/api/cp/my-agents/selected', { hired_instance_id: hiredInstanceId }),

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

  /** Lifecycle: a trial or ended plan becomes a paid one with a monthly budget. Plant answers the hired agent. */
  subscribe: (subscriptionId: string, request: BudgetRequest) =>
    client.post<HiredAgent>(`/api/cp/subscriptions/${segment(subscriptionId)}/convert`, request),

  changeBudget: (subscriptionId: string, request: BudgetRequest) =>
    client.put<HiredAgent>(`/api/cp/subscriptions/${segment(subscriptionId)}/budget`, request),

  cancelSubscription: (subscriptionId: string) =>
    client.post<HiredAgent>(`/api/cp/subscriptions/${segment(subscriptionId)}/cancel`),
};
