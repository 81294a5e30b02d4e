import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { reasonText } from '../../shared/reasons';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { BatchReviewResponse, Deliverable } from '../cpApi';
import { titleOf } from './deliverableView';

/**
 * Approves the selected drafts in one request. A convenience only: Plant records a separate
 * approval per draft, and each is executed and enforced on its own.
 */
export function BatchReview({
  hiredInstanceId,
  selected,
  onClear,
  onApproved,
}: {
  hiredInstanceId: string;
  selected: Deliverable[];
  onClear: () => void;
  onApproved: (approvedIds: string[]) => void;
}) {
  const queryClient = useQueryClient();
  const notesId = useId();
  const [notes, setNotes] = useState('');
  const batch = useMutation({
    mutationFn: () =>
      cpApi.reviewBatch({
        deliverable_ids: selected.map((deliverable) => deliverable.deliverable_id),
        decision: 'approved',
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    onSuccess: (response) => {
      setNotes('');
      onApproved(response.results.filter(isApproved).map((result) => result.deliverable_id));
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });

  if (selected.length === 0 && batch.isIdle) {
    return null;
  }
  return (
    <section className="card batch-review" aria-label="Batch approval">
      {selected.length > 0 && (
        <>
          <p>
            <strong>{selected.length}</strong> {selected.length === 1 ? 'draft' : 'drafts'} selected. Each gets its own
            approval.
          </p>
          <div className="batch-controls">
            <label htmlFor={notesId}>Notes for each approval (optional)</label>
            <input id={notesId} type="text" value={notes} onChange={(event) => setNotes(event.target.value)} />
            <div className="button-row">
              <button type="button" disabled={batch.isPending} onClick={() => batch.mutate()}>
                {batch.isPending ? 'Approving…' : `Approve selected (${selected.length})`}
              </button>
              <button type="button" className="secondary" onClick={onClear}>
                Clear selection
              </button>
            </div>
          </div>
        </>
      )}
      {batch.isSuccess && <BatchOutcome response={batch.data} drafts={selected} />}
      {batch.isError && <ProblemAlert error={batch.error} />}
    </section>
  );
}

function isApproved(result: BatchReviewResponse['results'][number]): boolean {
  return !result.problem && (result.status === 'approved' || Boolean(result.approval_id));
}

function BatchOutcome({ response, drafts }: { response: BatchReviewResponse; drafts: Deliverable[] }) {
  const nameOf = (id: string) => {
    const draft = drafts.find((candidate) => candidate.deliverable_id === id);
    return draft ? titleOf(draft) : 'A draft';
  };
  const approved = response.results.filter(isApproved);
  const failed = response.results.filter((result) => !isApproved(result));
  return (
    <div role="status" className={`alert ${failed.length > 0 ? 'alert-error' : 'alert-success'}`}>
      <p>
        {approved.length} approved{failed.length > 0 ? `, ${failed.length} not approved` : ''}.
      </p>
      {failed.length > 0 && (
        <ul>
          {failed.map((result) => (
            <li key={result.deliverable_id}>
              {nameOf(result.deliverable_id)}:{' '}
              {result.problem?.reason
                ? reasonText(result.problem.reason).text
                : (result.problem?.detail ?? result.problem?.title ?? result.status)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function selectedDrafts(all: Deliverable[], ids: Set<string>): Deliverable[] {
  return all.filter((deliverable) => ids.has(deliverable.deliverable_id));
}

