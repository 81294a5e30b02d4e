import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../../shared/api';
import type { ApiProblem } from '../../shared/api';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Deliverable, ExecutionAccepted } from '../cpApi';
import { humanize } from '../../shared/format';

/**
 * Asks Plant to carry out a draft's side effect. The UI never decides whether that is allowed:
 * it sends the approval it knows of (if any) and shows enforcement's answer, a denial included.
 */
export function ExecuteControl({
  deliverable,
  hiredInstanceId,
  describedBy,
}: {
  deliverable: Deliverable;
  hiredInstanceId: string;
  describedBy: string;
}) {
  const queryClient = useQueryClient();
  const execution = useMutation({
    mutationFn: (action: string | undefined) =>
      cpApi.execute(deliverable.deliverable_id, {
        approval_id: deliverable.approval_id ?? undefined,
        action,
      }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });
  const actions = deliverable.proposed_actions ?? [];
  const choices: (string | undefined)[] = actions.length > 1 ? actions : [actions[0]];

  return (
    <div className="execute">
      <div className="button-row">
        {choices.map((action) => (
          <button
            key={action ?? 'default'}
            type="button"
            aria-describedby={describedBy}
            disabled={execution.isPending}
            onClick={() => execution.mutate(action)}
          >
            {choices.length > 1 && action ? `Execute ${humanize(action)}` : 'Execute'}
          </button>
        ))}
      </div>
      {execution.isPending && (
        <p role="status" className="muted">
          Asking for execution…
        </p>
      )}
      {execution.isSuccess && <ExecutionOutcome accepted={execution.data} />}
      {execution.isError &&
        (isApiProblem(execution.error) && execution.error.status === 403 ? (
          <ExecutionDenied problem={execution.error} />
        ) : (
          <ProblemAlert error={execution.error} />
        ))}
    </div>
  );
}

function ExecutionOutcome({ accepted }: { accepted: ExecutionAccepted }) {
  return (
    <div role="status" className="alert alert-success">
      <p>
        Outcome: <strong>{humanize(accepted.outcome)}</strong>
      </p>
      <p className="correlation">
        Correlation id: <code>{accepted.correlation_id}</code>
      </p>
    </div>
  );
}

function ExecutionDenied({ problem }: { problem: ApiProblem }) {
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">
        Execution denied
        {problem.reason && (
          <>
            : <strong>{humanize(problem.reason)}</strong> (<code>{problem.reason}</code>)
          </>
        )}
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.correlation_id && (
        <p className="correlation">
          Correlation id: <code>{problem.correlation_id}</code>
        </p>
      )}
    </div>
  );
}
