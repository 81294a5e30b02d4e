import { useQuery } from '@tanstack/react-query';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, Deliverable } from '../cpApi';
import { formatDate, humanize } from '../../shared/format';
import { ExecuteControl } from './ExecuteControl';

function titleOf(deliverable: Deliverable): string {
  return deliverable.title ?? (deliverable.kind ? humanize(deliverable.kind) : deliverable.deliverable_id);
}

function facts(deliverable: Deliverable): string[] {
  const actions = deliverable.proposed_actions ?? [];
  return [
    deliverable.goal_template_id && `Goal ${deliverable.goal_template_id}`,
    deliverable.created_at && `created ${formatDate(deliverable.created_at)}`,
    actions.length > 0 && `proposes ${actions.map(humanize).join(', ')}`,
  ].filter((fact): fact is string => Boolean(fact));
}

/** The drafts of the selected agent, each with an Execute that shows enforcement's decision. */
export function ReviewTab({ instance }: { instance: AgentInstanceSummary }) {
  const drafts = useQuery({
    queryKey: cpQueryKeys.deliverables(instance.hired_instance_id),
    queryFn: () => cpApi.deliverables(instance.hired_instance_id),
  });
  if (drafts.isPending) {
    return <Loading label="Loading drafts" />;
  }
  if (drafts.isError) {
    return <ProblemAlert error={drafts.error} onRetry={() => drafts.refetch()} />;
  }
  const items = drafts.data.deliverables ?? [];
  if (items.length === 0) {
    return (
      <EmptyState title={`No drafts for ${instance.nickname} yet.`}>
        <p className="muted">Drafts appear here when one of its goals runs.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="plain-list drafts" aria-label={`Drafts of ${instance.nickname}`}>
      {items.map((deliverable) => {
        const titleId = `draft-${deliverable.deliverable_id}-title`;
        return (
          <li key={deliverable.deliverable_id} className="card draft">
            <div className="draft-head">
              <h3 id={titleId}>{titleOf(deliverable)}</h3>
              <span className={`badge badge-${deliverable.state}`}>{humanize(deliverable.state)}</span>
            </div>
            <p className="muted">{facts(deliverable).join(' · ')}</p>
            {deliverable.payload && (
              <details>
                <summary>Content</summary>
                <pre>{JSON.stringify(deliverable.payload, null, 2)}</pre>
              </details>
            )}
            <ExecuteControl deliverable={deliverable} hiredInstanceId={instance.hired_instance_id} describedBy={titleId} />
          </li>
        );
      })}
    </ul>
  );
}
