import { EmptyState, Loading } from '../../shared/StatusMessages';
import { ProblemAlert } from '../../shared/ProblemAlert';
import type { AgentInstanceSummary } from '../cpApi';
import { useAgentType } from './useAgentType';

/** Placeholder until goal editing lands: lists the goals this agent type offers. */
export function GoalSettingTab({ instance }: { instance: AgentInstanceSummary }) {
  const definition = useAgentType(instance);
  if (definition.isPending) {
    return <Loading label="Loading the agent's goal templates" />;
  }
  if (definition.isError) {
    return <ProblemAlert error={definition.error} onRetry={() => definition.refetch()} />;
  }
  const templates = definition.data.goal_templates ?? [];
  if (templates.length === 0) {
    return <EmptyState title={`${definition.data.display_name} offers no goals yet.`} />;
  }
  return (
    <div>
      <h3>Goals {definition.data.display_name} can work on</h3>
      <ul className="plain-list">
        {templates.map((template) => (
          <li key={template.goal_template_id}>
            <strong>{template.display_name ?? template.goal_template_id}</strong>
            {template.default_frequency && <span className="muted"> · {template.default_frequency}</span>}
            {template.description && <p>{template.description}</p>}
          </li>
        ))}
      </ul>
      <p className="muted">Adding and scheduling goals arrives in the next release of this page.</p>
    </div>
  );
}
