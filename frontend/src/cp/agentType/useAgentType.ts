import { useQuery } from '@tanstack/react-query';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary } from '../cpApi';

/** The definition the instance was hired with: everything type-specific comes from here. */
export function useAgentType(instance: AgentInstanceSummary) {
  return useQuery({
    queryKey: cpQueryKeys.agentType(instance.agent_type_id, instance.agent_type_version),
    queryFn: () => cpApi.agentType(instance.agent_type_id, instance.agent_type_version),
    staleTime: 5 * 60_000,
  });
}

/** The hired instance itself: its saved config, what Plant says is missing, finalization. */
export function useHiredAgent(hiredInstanceId: string) {
  return useQuery({
    queryKey: cpQueryKeys.hiredAgent(hiredInstanceId),
    queryFn: () => cpApi.hiredAgent(hiredInstanceId),
  });
}
