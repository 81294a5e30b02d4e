import { Loading } from '../../shared/StatusMessages';
import { ProblemAlert } from '../../shared/ProblemAlert';
import type { AgentInstanceSummary } from '../cpApi';
import { useAgentType } from './useAgentType';

function fieldNames(configSchema: Record<string, unknown>): string[] {
  const properties = configSchema.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

/** Placeholder until the schema-driven form lands: shows which definition the form will come from. */
export function ConfigureTab({ instance }: { instance: AgentInstanceSummary }) {
  const definition = useAgentType(instance);
  if (definition.isPending) {
    return <Loading label="Loading the agent's configuration schema" />;
  }
  if (definition.isError) {
    return <ProblemAlert error={definition.error} onRetry={() => definition.refetch()} />;
  }
  const fields = fieldNames(definition.data.config_schema);
  return (
    <div>
      <h3>Configure {definition.data.display_name}</h3>
      <p>
        {instance.configured
          ? 'This agent is configured.'
          : 'This agent is not configured yet; it cannot run goals until it is.'}
      </p>
      <p className="muted">
        The form is built from the definition (version {definition.data.version}, {fields.length}{' '}
        {fields.length === 1 ? 'field' : 'fields'}) and arrives in the next release of this page.
      </p>
    </div>
  );
}
