import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { QueryView } from '../../shared/QueryView';
import { EmptyState } from '../../shared/StatusMessages';
import { ppApi, ppQueryKeys } from '../ppApi';
import { formatTime } from '../format';
import { agentTypePath } from './versionOrder';
import { DataTable } from '../DataTable';

/** Agent Management's start: every agent type with its latest published version. */
export function AgentTypesPage() {
  const list = useQuery({ queryKey: ppQueryKeys.agentTypes, queryFn: ppApi.agentTypes });
  return (
    <main className="page pp-wide">
      <h1>Agent Management</h1>
      <p className="muted">Agent types customers can hire. Open one to see its versions, draft a new one and publish it.</p>
      <QueryView query={list} loading="Loading agent types">
        {(data) =>
          (data.agent_types ?? []).length === 0 ? (
            <EmptyState title="No agent type has a published version yet." />
          ) : (
            <DataTable caption="Agent types" headings={['Agent type', 'Id', 'Latest published', 'Published at']}>
              {data.agent_types.map((definition) => (
                <tr key={definition.agent_type_id}>
                  <th scope="row">
                    <Link to={agentTypePath(definition.agent_type_id)}>{definition.display_name}</Link>
                  </th>
                  <td>
                    <code>{definition.agent_type_id}</code>
                  </td>
                  <td>{definition.version}</td>
                  <td>{formatTime(definition.published_at)}</td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </QueryView>
    </main>
  );
}
