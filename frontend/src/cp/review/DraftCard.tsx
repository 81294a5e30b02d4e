import type { Deliverable } from '../cpApi';
import { DraftPreview } from './DraftPreview';
import { ExecuteControl } from './ExecuteControl';
import { effectiveState, factsOf, isReviewable, planBlockedReason, stateLabel, titleOf } from './deliverableView';

/** One draft in the list: select for batch review, a short preview, details, Execute. */
export function DraftCard({
  deliverable,
  hiredInstanceId,
  goalName,
  selected,
  onSelectedChange,
  detailOpen,
  onOpenDetail,
  plan,
}: {
  plan?: string;
  deliverable: Deliverable;
  hiredInstanceId: string;
  goalName?: string;
  selected: boolean;
  onSelectedChange: (selected: boolean) => void;
  detailOpen: boolean;
  onOpenDetail: () => void;
}) {
  const titleId = `draft-${deliverable.deliverable_id}-title`;
  const title = titleOf(deliverable);
  const hasActions = deliverable.proposed_actions == null || deliverable.proposed_actions.length > 0;
  const state = effectiveState(deliverable);
  const blocked = planBlockedReason(deliverable);
  return (
    <li
      className={`card draft${detailOpen ? ' draft-open' : ''}`}
      data-deliverable-id={deliverable.deliverable_id}
      data-run-id={deliverable.run_id ?? undefined}
      data-state={deliverable.state}
    >
      <div className="draft-head">
        <div className="draft-title">
          {isReviewable(deliverable) && (
            <input
              type="checkbox"
              className="draft-select"
              aria-label={`Select ${title} for batch approval`}
              disabled={Boolean(blocked)}
              checked={selected}
              onChange={(event) => onSelectedChange(event.target.checked)}
            />
          )}
          <h3 id={titleId}>{title}</h3>
        </div>
        <span className={`badge badge-${state}`}>{stateLabel(state, deliverable)}</span>
      </div>
      {blocked && isReviewable(deliverable) && <p className="alert alert-error small">Failed its risk checks — cannot be approved.</p>}
      <p className="muted">{factsOf(deliverable, goalName).join(' · ')}</p>
      <DraftPreview deliverable={deliverable} compact />
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          aria-describedby={titleId}
          aria-expanded={detailOpen}
          aria-controls={detailOpen ? 'draft-detail' : undefined}
          onClick={onOpenDetail}
        >
          {isReviewable(deliverable) ? 'Review' : 'Details'}
        </button>
      </div>
      {hasActions && (
        <ExecuteControl deliverable={deliverable} hiredInstanceId={hiredInstanceId} describedBy={titleId} plan={plan} />
      )}
    </li>
  );
}
