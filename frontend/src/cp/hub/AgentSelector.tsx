import type { AgentInstanceSummary } from '../cpApi';
import { instanceLabel } from './instanceStatus';

/** The top dropdown: a native select, so keyboard and screen readers work as users expect. */
export function AgentSelector({
  instances,
  selectedId,
  onSelect,
  typeNames,
}: {
  typeNames?: Record<string, string>;
  instances: AgentInstanceSummary[];
  selectedId: string | null;
  onSelect: (hiredInstanceId: string) => void;
}) {
  return (
    <div className="agent-selector">
      <label htmlFor="agent-selector">Agent</label>
      <select id="agent-selector" value={selectedId ?? ''} onChange={(event) => onSelect(event.target.value)}>
        {selectedId === null && (
          <option value="" disabled>
            Choose an agent
          </option>
        )}
        {instances.map((instance) => (
          <option key={instance.hired_instance_id} value={instance.hired_instance_id}>
            {instanceLabel(instance, typeNames)}
          </option>
        ))}
      </select>
    </div>
  );
}
