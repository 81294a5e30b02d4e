import { Person } from '../Person';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { Loading } from '../../shared/StatusMessages';
import { useAccess } from '../access';
import { formatTime } from '../format';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { Definition } from '../ppApi';
import { StatusBadge } from '../StatusBadge';
import { DraftEditor } from './DraftEditor';
import { ReadOnlyVersion } from './ReadOnlyVersion';
import { agentTypePath } from './versionOrder';

/** One version: admins edit a draft; everyone else (and every published version) reads it. */
export function VersionPage({ debounceMs }: { debounceMs?: number }) {
  const { agentTypeId = '', version = '' } = useParams();
  const definition = useQuery({
    queryKey: ppQueryKeys.version(agentTypeId, version),
    queryFn: () => ppApi.version(agentTypeId, version),
  });
  return (
    <main className="page pp-wide">
      <p>
        <Link to={agentTypePath(agentTypeId)}>← Versions of {agentTypeId}</Link>
      </p>
      {definition.isPending ? (
        <Loading label="Loading the version" />
      ) : definition.isError ? (
        <ProblemAlert error={definition.error} onRetry={() => definition.refetch()} />
      ) : (
        <VersionView definition={definition.data} debounceMs={debounceMs} />
      )}
    </main>
  );
}

function VersionView({ definition, debounceMs }: { definition: Definition; debounceMs?: number }) {
  const access = useAccess();
  return (
    <>
      <header className="pp-version-head">
        <h1>
          {definition.display_name} <span className="muted">{definition.version}</span>
        </h1>
        <p>
          <StatusBadge status={definition.status} /> <code>{definition.agent_type_id}</code> · created{' '}
          {formatTime(definition.created_at)}
          {definition.created_by && (
            <>
              {' '}
              by <Person id={definition.created_by} />
            </>
          )}
          {definition.published_at && ` · published ${formatTime(definition.published_at)}`}
        </p>
      </header>
      {definition.status === 'draft' && access.authorAgentTypes ? (
        <DraftEditor key={`${definition.agent_type_id}@${definition.version}`} definition={definition} debounceMs={debounceMs} />
      ) : (
        <ReadOnlyVersion definition={definition} />
      )}
    </>
  );
}
