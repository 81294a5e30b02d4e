import { Person } from '../Person';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { useAccess } from '../access';
import { formatTime } from '../format';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { Definition } from '../ppApi';
import { StatusBadge } from '../StatusBadge';
import { newestFirst, versionPath } from './versionOrder';
import { DataTable } from '../DataTable';

/** What the editor tells this page after a publish. */
export interface PublishedNotice {
  published: string;
}

/** Every version of one agent type, drafts included, and (for admins) a new draft from the latest. */
export function AgentTypeVersionsPage() {
  const { agentTypeId = '' } = useParams();
  const location = useLocation();
  const notice = location.state as PublishedNotice | null;
  const access = useAccess();
  const versions = useQuery({
    queryKey: ppQueryKeys.versions(agentTypeId),
    queryFn: () => ppApi.versions(agentTypeId),
  });
  const ordered = newestFirst(versions.data?.versions ?? []);
  const draft = ordered.find((version) => version.status === 'draft');
  const title = ordered.find((version) => version.status !== 'draft')?.display_name ?? ordered[0]?.display_name;

  return (
    <main className="page pp-wide">
      <p>
        <Link to="/agent-types">← All agent types</Link>
      </p>
      <h1>{title ?? agentTypeId}</h1>
      <p className="muted">
        <code>{agentTypeId}</code>
      </p>
      {notice?.published && (
        <p role="status" className="alert alert-success">
          Version {notice.published} is published.
        </p>
      )}
      {access.authorAgentTypes && versions.isSuccess && <NewDraft agentTypeId={agentTypeId} draft={draft} />}
      {!access.authorAgentTypes && <p className="muted">You can read versions; only admins draft and publish them.</p>}
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.isPending ? (
          <Loading label="Loading versions" />
        ) : versions.isError ? (
          <ProblemAlert error={versions.error} onRetry={() => versions.refetch()} />
        ) : ordered.length === 0 ? (
          <EmptyState title="This agent type has no versions." />
        ) : (
          <VersionTable agentTypeId={agentTypeId} versions={ordered} />
        )}
      </section>
    </main>
  );
}

function VersionTable({ agentTypeId, versions }: { agentTypeId: string; versions: Definition[] }) {
  return (
    <DataTable caption={`Versions of ${agentTypeId}`} headings={['Version', 'Status', 'Display name', 'Created', 'Published']}>
      {versions.map((version) => (
        <tr key={version.version}>
          <th scope="row">
            <Link to={versionPath(agentTypeId, version.version)} aria-label={`Version ${version.version} (${version.status})`}>
              {version.version}
            </Link>
          </th>
          <td>
            <StatusBadge status={version.status} />
          </td>
          <td>{version.display_name}</td>
          <td>
            {formatTime(version.created_at)}
            {version.created_by && (
              <span className="muted small">
                {' '}
                by <Person id={version.created_by} />
              </span>
            )}
          </td>
          <td>{formatTime(version.published_at)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** One draft at a time: continue it when there is one, else copy the latest version into a new one. */
function NewDraft({ agentTypeId, draft }: { agentTypeId: string; draft: Definition | undefined }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => ppApi.createDraft(agentTypeId),
    onSuccess: (created) => {
      queryClient.setQueryData(ppQueryKeys.version(agentTypeId, created.version), created);
      void queryClient.invalidateQueries({ queryKey: ppQueryKeys.versions(agentTypeId) });
      navigate(versionPath(agentTypeId, created.version));
    },
  });
  if (draft) {
    return (
      <p>
        <Link className="button-link" to={versionPath(agentTypeId, draft.version)}>
          Continue draft {draft.version}
        </Link>{' '}
        <span className="muted small">An agent type has one draft at a time: publish it before starting another.</span>
      </p>
    );
  }
  return (
    <div className="pp-actions">
      <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
        {create.isPending ? 'Creating draft…' : 'New draft version'}
      </button>
      <span className="muted small">Copies the latest version into a draft you can edit.</span>
      {create.isError && <ProblemAlert error={create.error} />}
    </div>
  );
}
