import type { DeliverableFilters } from './deliverables';

/** react-query keys of the customer app's server state, one place for fetches and invalidations. */
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
