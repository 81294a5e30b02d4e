import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Deliverable, ReviewRequest } from '../cpApi';
import { approvalValidity } from './approvalLifetime';
import { instantOfWallClock } from './calendarDates';
import { DraftPreview } from './DraftPreview';
import { ExecuteControl } from './ExecuteControl';
import { MediaPicker } from './MediaPicker';
import {
  approvalExpired,
  effectiveState,
  factsOf,
  isReviewable,
  planBlockedReason,
  postTextOf,
  stateLabel,
  suggestedInstantOf,
  titleOf,
} from './deliverableView';
import { Fact } from '../../shared/Fact';

const EDITABLE = ['draft', 'pending_review', 'approved', 'rejected', 'scheduled'];
/** A post that failed (say, Instagram without an image) or was a dry run can still get its image, then be retried. */
const IMAGE_EDITABLE = [...EDITABLE, 'failed', 'dry_run'];
/** A post that has not gone out can be written again (a new, charged run for it alone). */
const REGENERABLE = ['draft', 'pending_review', 'approved', 'rejected', 'scheduled', 'failed', 'dry_run'];


/** The selected draft in full, with approve / reject and notes while it awaits review. */
export function DraftDetail({
  deliverable,
  hiredInstanceId,
  goalName,
  withExecute = false,
  onClose,
  plan,
  timeZone,
}: {
  plan?: string;
  timeZone?: string | null;
  deliverable: Deliverable;
  hiredInstanceId: string;
  goalName?: string;
  /** Where no card with its own Execute is on screen (the calendar), the panel offers it. */
  withExecute?: boolean;
  onClose: () => void;
}) {
  const headingId = useId();
  const notesId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState('');
  const [chosenTime, setChosenTime] = useState('');
  const [editing, setEditing] = useState(false);
  const [editedText, setEditedText] = useState(postTextOf(deliverable) ?? '');
  const timeId = useId();
  const editId = useId();
  const blockedId = useId();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
  };
  const review = useMutation({
    mutationFn: (request: ReviewRequest) =>
      cpApi.review(deliverable.deliverable_id, { ...request, ...(notes.trim() ? { notes: notes.trim() } : {}) }),
    onSuccess: () => {
      setNotes('');
      refresh();
    },
  });
  const edit = useMutation({
    mutationFn: () =>
      cpApi.editDeliverable(deliverable.deliverable_id, { payload: { ...(deliverable.payload ?? {}), text: editedText } }),
    onSuccess: () => {
      setEditing(false);
      refresh();
    },
  });
  const regenerate = useMutation({
    mutationFn: () => cpApi.regenerate(deliverable.deliverable_id),
    onSuccess: () => {
      // what was said about the old post (approved, saved) no longer holds
      review.reset();
      edit.reset();
      refresh();
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.goals(hiredInstanceId) });
    },
  });
  const isPost = postTextOf(deliverable) !== undefined;
  const blocked = planBlockedReason(deliverable);
  const suggested = suggestedInstantOf(deliverable);
  // The time is typed on the agent's clock (its timezone), as every time on the page is shown.
  const chosen = chosenTime ? instantOfWallClock(chosenTime, timeZone) : undefined;
  const state = effectiveState(deliverable);
  const expired = approvalExpired(deliverable);
  const canReview = isReviewable(deliverable) || (expired && state === 'approved');

  // Opening another draft moves focus to its heading, so keyboard users land in the panel.
  useEffect(() => {
    headingRef.current?.focus();
  }, [deliverable.deliverable_id]);

  const approval = deliverable.approval;
  return (
    <aside id="draft-detail" className="card draft-detail" aria-labelledby={headingId}>
      <div className="draft-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {titleOf(deliverable)}
        </h3>
        <button type="button" className="link-button" onClick={onClose}>
          Close details
        </button>
      </div>
      <p>
        <span className={`badge badge-${state}`}>{stateLabel(state, deliverable)}</span>{' '}
        <span className="muted">{factsOf(deliverable, goalName).join(' · ')}</span>
      </p>
      {editing ? (
        <form
          className="edit-draft"
          onSubmit={(event) => {
            event.preventDefault();
            edit.mutate();
          }}
        >
          <label htmlFor={editId}>Post text</label>
          <textarea id={editId} rows={6} value={editedText} onChange={(event) => setEditedText(event.target.value)} />
          <p className="muted small">
            Saving sends the draft back to review{approval?.verdict === 'approved' ? '; its earlier approval no longer counts' : ''}.
          </p>
          <div className="button-row">
            <button type="submit" disabled={edit.isPending || editedText.trim() === ''}>
              {edit.isPending ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          {edit.isError && <ProblemAlert error={edit.error} />}
        </form>
      ) : (
        <>
          <DraftPreview deliverable={deliverable} />
          {postTextOf(deliverable) !== undefined && EDITABLE.includes(deliverable.state) && (
            <div className="button-row">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setEditedText(postTextOf(deliverable) ?? '');
                  setEditing(true);
                }}
              >
                Edit text
              </button>
            </div>
          )}
          {edit.isSuccess && (
            <p role="status" className="alert alert-success">
              Saved. The draft is waiting for review again.
            </p>
          )}
          {isPost && deliverable.state !== 'superseded' && (
            <MediaPicker
              deliverable={deliverable}
              hiredInstanceId={hiredInstanceId}
              editable={IMAGE_EDITABLE.includes(deliverable.state)}
            />
          )}
          {deliverable.state === 'superseded' && (
            <p className="alert alert-info">
              Superseded: this post was written again, and the new draft replaces it. Review the new draft instead.
            </p>
          )}
          {isPost && deliverable.goal_instance_id && REGENERABLE.includes(deliverable.state) && (
            <div className="regenerate">
              <div className="button-row">
                <button
                  type="button"
                  className="secondary"
                  disabled={regenerate.isPending || regenerate.isSuccess}
                  onClick={() => regenerate.mutate()}
                >
                  {regenerate.isPending ? 'Asking…' : 'Write this post again'}
                </button>
              </div>
              <p className="muted small">
                A new run of its goal writes this post again and is charged like any run. The new draft replaces this one
                {approval?.verdict === 'approved' ? '; its approval no longer counts' : ''}.
              </p>
              {regenerate.isSuccess && (
                <p role="status" className="alert alert-success">
                  Writing it again. The new draft appears in Review when it is ready, and this one then shows as
                  superseded. If the run is refused (say, the budget is spent), the goal says why and this draft stays.
                </p>
              )}
              {regenerate.isError && <ProblemAlert error={regenerate.error} />}
            </div>
          )}
        </>
      )}
      {approval && (
        <dl className="settings-summary approval-facts">
          <Fact name="Review">
            {approval.verdict === 'approved'
              ? 'Approved'
              : approval.verdict === 'rejected'
                ? 'Rejected'
                : approval.verdict === 'voided'
                  ? 'Approval withdrawn (the draft changed)'
                  : approval.verdict}
          </Fact>
          {approval.decided_at && (
            <Fact name="Decided">{formatDateTime(approval.decided_at, timeZone)}</Fact>
          )}
          {approval.expires_at && approval.verdict === 'approved' && (
            <Fact name={expired ? 'Approval expired' : 'Approval lifetime'} valueClassName="approval-validity">
              {expired ? 'Approval expired — review again' : approvalValidity(approval, timeZone)}
            </Fact>
          )}
          {approval.notes && (
            <Fact name="Notes">{approval.notes}</Fact>
          )}
        </dl>
      )}
      {canReview && !editing && (
        <form className="review-form" onSubmit={(event) => event.preventDefault()}>
          {blocked && (
            <p id={blockedId} className="alert alert-error">
              Cannot be approved. {blocked}
            </p>
          )}
          <label htmlFor={notesId}>Notes (optional; kept on the draft)</label>
          <textarea id={notesId} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
          <div className="button-row">
            <button
              type="button"
              disabled={review.isPending || Boolean(blocked)}
              aria-describedby={blocked ? blockedId : undefined}
              onClick={() => review.mutate({ decision: 'approved' })}
            >
              Approve
            </button>
            {suggested && !blocked && (
              <button
                type="button"
                className="secondary"
                disabled={review.isPending}
                onClick={() => review.mutate({ decision: 'approved', scheduled_for: suggested })}
              >
                Approve for {formatDateTime(suggested, timeZone)}
              </button>
            )}
            <button
              type="button"
              className="secondary danger"
              disabled={review.isPending}
              onClick={() => review.mutate({ decision: 'rejected' })}
            >
              Reject
            </button>
          </div>
          {!blocked && (
            <div className="approve-at">
              <label htmlFor={timeId}>
                Or approve for a time you choose{timeZone ? ` (${timeZone.replace(/_/g, ' ')} time)` : ''}
              </label>
              <div className="button-row">
                <input
                  id={timeId}
                  type="datetime-local"
                  value={chosenTime}
                  onChange={(event) => setChosenTime(event.target.value)}
                />
                <button
                  type="button"
                  className="secondary"
                  disabled={review.isPending || !chosen || Date.parse(chosen) <= Date.now()}
                  onClick={() => chosen && review.mutate({ decision: 'approved', scheduled_for: chosen })}
                >
                  Approve for this time
                </button>
              </div>
            </div>
          )}
        </form>
      )}
      {/* What the review did, until the draft has been carried out: then its outcome says what happened. */}
      {review.isSuccess && !['executed', 'dry_run', 'failed'].includes(state) && (
        <p role="status" className="alert alert-success">
          {review.variables.decision === 'rejected'
            ? 'Rejected. Your notes are kept on the draft.'
            : review.variables.scheduled_for
              ? `Approved for ${formatDateTime(review.variables.scheduled_for, timeZone)}: it goes out by itself then.`
              : 'Approved. Publish it from its card when you are ready.'}
          {review.variables.decision === 'approved' && review.data.approval?.expires_at
            ? ` ${approvalValidity(review.data.approval, timeZone)}.`
            : ''}
        </p>
      )}
      {review.isError && <ProblemAlert error={review.error} />}
      {withExecute && (deliverable.proposed_actions?.length ?? 1) > 0 && (
        <ExecuteControl deliverable={deliverable} hiredInstanceId={hiredInstanceId} describedBy={headingId} plan={plan} />
      )}
      <details className="details-disclosure">
        <summary>Details</summary>
        <p>
          Draft <code>{deliverable.deliverable_id}</code>
          {approval?.approval_id ? (
            <>
              {' '}
              · approval <code>{approval.approval_id}</code>
            </>
          ) : null}
        </p>
        <pre>{JSON.stringify(deliverable.payload ?? {}, null, 2)}</pre>
      </details>
    </aside>
  );
}
