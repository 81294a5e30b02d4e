import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { isApiProblem } from '../../shared/api';
import type { ApiProblem } from '../../shared/api';
import { humanize } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Deliverable, ExecutionAccepted, ExecutionResultRecord, LastExecution } from '../cpApi';
import { approvalIdOf, resultFor } from './deliverableView';
import { ManualPublishing } from './ManualPublishing';
import { manualOnly, platformOf } from './publishing';

const POLL_MS = 1000;
const MAX_POLLS = 60;

type Tracking = { phase: 'deciding' } | { phase: 'running' } | { phase: 'done'; result: ExecutionResultRecord };

/**
 * Asks Plant to carry out a draft's side effect. The UI never decides whether that is allowed:
 * it sends the approval Plant recorded (if any) with the proposed action and shows enforcement's
 * answer — a denial with its reason and correlation id, or the allowed execution followed to its
 * result (executed, dry-run record, failed).
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
        approval_id: approvalIdOf(deliverable),
        action,
      }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });
  const actions = deliverable.proposed_actions ?? [];
  const choices: (string | undefined)[] = actions.length > 1 ? actions : [actions[0]];
  const handOnly = manualOnly(deliverable.payload);
  const social = platformOf(deliverable.payload) !== undefined;

  return (
    <div className="execute">
      {social && (
        <ManualPublishing deliverable={deliverable} hiredInstanceId={hiredInstanceId} describedBy={describedBy} open={handOnly} />
      )}
      {!handOnly && <div className="button-row">
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
      </div>}
      {execution.isPending && (
        <p role="status" className="muted">
          Asking for execution…
        </p>
      )}
      {execution.isSuccess && (
        <ExecutionProgress
          key={execution.data.correlation_id}
          deliverableId={deliverable.deliverable_id}
          hiredInstanceId={hiredInstanceId}
          accepted={execution.data}
        />
      )}
      {execution.isError &&
        (isApiProblem(execution.error) && execution.error.status === 403 ? (
          <ExecutionDenied problem={execution.error} />
        ) : (
          <ProblemAlert error={execution.error} />
        ))}
      {execution.isIdle && deliverable.last_execution && <LastExecutionNote last={deliverable.last_execution} />}
    </div>
  );
}

async function track(deliverableId: string, accepted: ExecutionAccepted): Promise<Tracking> {
  if (accepted.outcome === 'pending') {
    const decided = await cpApi.execution(accepted.correlation_id);
    if (decided.outcome === 'pending') {
      return { phase: 'deciding' };
    }
  }
  const result = resultFor(await cpApi.deliverable(deliverableId), accepted.correlation_id);
  return result ? { phase: 'done', result } : { phase: 'running' };
}

/** Follows an accepted execution: the decision if it was late, then the connector's result. */
export function ExecutionProgress({
  deliverableId,
  hiredInstanceId,
  accepted,
}: {
  deliverableId: string;
  hiredInstanceId: string;
  accepted: ExecutionAccepted;
}) {
  const queryClient = useQueryClient();
  const polls = useRef(0);
  const tracking = useQuery({
    queryKey: ['cp', 'execution', accepted.correlation_id],
    queryFn: async () => {
      polls.current += 1;
      const state = await track(deliverableId, accepted);
      if (state.phase === 'done') {
        void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      }
      return state;
    },
    retry: false,
    refetchInterval: (query) =>
      query.state.data?.phase === 'done' || query.state.status === 'error' || query.state.dataUpdateCount >= MAX_POLLS
        ? false
        : POLL_MS,
  });
  if (tracking.isError) {
    return isApiProblem(tracking.error) && tracking.error.status === 403 ? (
      <ExecutionDenied problem={tracking.error} />
    ) : (
      <ProblemAlert error={tracking.error} />
    );
  }
  const state = tracking.data;
  const gaveUp = polls.current >= MAX_POLLS && state?.phase !== 'done';
  const failed = state?.phase === 'done' && state.result.status === 'failed';
  return (
    <div role="status" className={`alert ${failed ? 'alert-error' : 'alert-success'} execution-outcome`}>
      <p>
        Decision:{' '}
        <strong>{state?.phase === 'deciding' || (!state && accepted.outcome === 'pending') ? 'waiting for enforcement' : 'allowed'}</strong>
      </p>
      {state?.phase === 'done' ? (
        <ResultLine result={state.result} />
      ) : gaveUp ? (
        <p>No result yet. It will show on this draft when it arrives.</p>
      ) : (
        state?.phase !== 'deciding' && <p className="muted">Waiting for the result…</p>
      )}
      <p className="correlation">
        Correlation id: <code>{accepted.correlation_id}</code>
      </p>
    </div>
  );
}

/** A connector's detail may be a JSON record (a dry run's would-be request): its label, then the record. */
function readDetail(detail: string | null | undefined): { text?: string; record?: unknown } {
  if (!detail) {
    return {};
  }
  try {
    const record: unknown = JSON.parse(detail);
    if (record && typeof record === 'object') {
      const label = (record as { label?: unknown }).label;
      return { text: typeof label === 'string' ? label : undefined, record };
    }
  } catch {
    // plain text
  }
  return { text: detail };
}

function ResultLine({ result }: { result: ExecutionResultRecord }) {
  const { text, record } = readDetail(result.detail);
  const recordView = record !== undefined && (
    <details>
      <summary>{result.status === 'dry_run' ? 'What would have been sent' : 'Full record'}</summary>
      <pre>{JSON.stringify(record, null, 2)}</pre>
    </details>
  );
  if (result.status === 'executed_manually') {
    return (
      <p>
        Result: <strong>Published by hand</strong> — you posted it yourself; nothing was sent by us.
        {result.external_id && (
          <>
            {' '}
            Post: <a href={safeHref(result.external_id)} target="_blank" rel="noopener noreferrer">{result.external_id}</a>
          </>
        )}
      </p>
    );
  }
  if (result.status === 'dry_run') {
    return (
      <>
        <p>
          Result: <strong>Dry-run record</strong> — nothing was sent; this is what would have been.
          {text ? ` ${text}` : ''}
        </p>
        {recordView}
      </>
    );
  }
  return (
    <>
      <p>
        Result: <strong>{result.status === 'executed' ? 'Executed' : humanize(result.status)}</strong>
        {result.external_id && (
          <>
            {' '}
            (external id <code>{result.external_id}</code>)
          </>
        )}
        {text ? `. ${text}` : ''}
      </p>
      {recordView}
    </>
  );
}

/** Only web addresses become links (the URL is the customer's own input). */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function LastExecutionNote({ last }: { last: LastExecution }) {
  const status = last.result?.status ?? last.status;
  return (
    <p className="muted last-execution">
      Last execution:{' '}
      <strong>{status === 'dry_run' ? 'dry-run record' : status === 'executed_manually' ? 'published by hand' : humanize(status)}</strong>
      {last.reason && last.reason !== 'allowed' ? ` (${humanize(last.reason)})` : ''} · correlation id{' '}
      <code>{last.correlation_id}</code>
    </p>
  );
}

export function ExecutionDenied({ problem }: { problem: ApiProblem }) {
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
