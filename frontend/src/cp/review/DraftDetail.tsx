import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDate, humanize } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Deliverable } from '../cpApi';
import { DraftPreview } from './DraftPreview';
import { ExecuteControl } from './ExecuteControl';
import { factsOf, isReviewable, titleOf } from './deliverableView';

/** The selected draft in full, with approve / reject and notes while it awaits review. */
export function DraftDetail({
  deliverable,
  hiredInstanceId,
  goalName,
  withExecute = false,
  onClose,
}: {
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
  const review = useMutation({
    mutationFn: (decision: 'approved' | 'rejected') =>
      cpApi.review(deliverable.deliverable_id, { decision, ...(notes.trim() ? { notes: notes.trim() } : {}) }),
    onSuccess: () => {
      setNotes('');
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });

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
        <span className={`badge badge-${deliverable.state}`}>{humanize(deliverable.state)}</span>{' '}
        <span className="muted">{factsOf(deliverable, goalName).join(' · ')}</span>
      </p>
      <DraftPreview deliverable={deliverable} />
      {approval && (
        <dl className="settings-summary approval-facts">
          <div>
            <dt>Review</dt>
            <dd>{humanize(approval.verdict)}</dd>
          </div>
          {approval.decided_at && (
            <div>
              <dt>Decided</dt>
              <dd>{formatDate(approval.decided_at)}</dd>
            </div>
          )}
          {approval.expires_at && (
            <div>
              <dt>Approval expires</dt>
              <dd>{formatDate(approval.expires_at)}</dd>
            </div>
          )}
          {approval.notes && (
            <div>
              <dt>Notes</dt>
              <dd>{approval.notes}</dd>
            </div>
          )}
        </dl>
      )}
      {isReviewable(deliverable) && (
        <form className="review-form" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={notesId}>Notes (optional)</label>
          <textarea id={notesId} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
          <div className="button-row">
            <button type="button" disabled={review.isPending} onClick={() => review.mutate('approved')}>
              Approve
            </button>
            <button
              type="button"
              className="secondary danger"
              disabled={review.isPending}
              onClick={() => review.mutate('rejected')}
            >
              Reject
            </button>
          </div>
        </form>
      )}
      {review.isSuccess && (
        <p role="status" className="alert alert-success">
          {review.data.approval?.verdict === 'rejected' || review.variables === 'rejected' ? 'Rejected.' : 'Approved.'}
          {review.data.approval?.approval_id && (
            <>
              {' '}
              Approval id <code>{review.data.approval.approval_id}</code>
              {review.data.approval.expires_at ? `, valid until ${formatDate(review.data.approval.expires_at)}` : ''}.
            </>
          )}{' '}
          {review.variables === 'approved' ? 'Execute it from its card when you are ready.' : ''}
        </p>
      )}
      {review.isError && <ProblemAlert error={review.error} />}
      {withExecute && (deliverable.proposed_actions?.length ?? 1) > 0 && (
        <ExecuteControl deliverable={deliverable} hiredInstanceId={hiredInstanceId} describedBy={headingId} />
      )}
      <details>
        <summary>Raw content</summary>
        <pre>{JSON.stringify(deliverable.payload ?? {}, null, 2)}</pre>
      </details>
    </aside>
  );
}
