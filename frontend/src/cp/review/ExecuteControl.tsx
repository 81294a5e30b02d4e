import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isApiProblem } from '../../shared/api';
import type { ApiProblem } from '../../shared/api';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { formatDateTime, humanize } from '../../shared/format';
import { platformName } from '../../shared/platforms';
import { Details, ProblemAlert } from '../../shared/ProblemAlert';
import { reasonText } from '../../shared/reasons';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Deliverable, ExecutionAccepted, ExecutionResultRecord, LastExecution } from '../cpApi';
import { approvalExpired, approvalIdOf, effectiveState, executeOffer, orderOf, postTextOf, platformOf, resultFor } from './deliverableView';
import { ManualPublishing } from './ManualPublishing';
import { manualOnly } from './publishing';
import { Fact } from '../../shared/Fact';

const POLL_MS = 1000;
const MAX_POLLS = 60;

type Tracking = { phase: 'deciding' } | { phase: 'running' } | { phase: 'done'; result: ExecutionResultRecord };

function isOrder(deliverable: Deliverable): boolean {
  return postTextOf(deliverable) === undefined && orderOf(deliverable) !== undefined;
}

function actionLabel(deliverable: Deliverable, offer: NonNullable<ReturnType<typeof executeOffer>>, action?: string, many = false): string {
  if (offer === 'publish_for_real') {
    return isOrder(deliverable) ? 'Place the order for real' : 'Publish for real';
  }
  if (offer === 'retry') {
    return 'Retry';
  }
  if (many && action) {
    return `${humanize(action).replace(/^./, (c) => c.toUpperCase())}…`;
  }
  return isOrder(deliverable) ? 'Place order…' : postTextOf(deliverable) !== undefined ? 'Publish…' : 'Execute…';
}

/** What will happen, restated before it happens: the post and where, or the order in full. */
export function WhatWillHappen({ deliverable, action }: { deliverable: Deliverable; action?: string }) {
  const text = postTextOf(deliverable);
  if (text !== undefined) {
    const platform = platformName(platformOf(deliverable));
    return (
      <>
        <p>{platform ? `This post goes out on ${platform} now:` : 'This post goes out now:'}</p>
        <blockquote className="outcome-summary">{text}</blockquote>
      </>
    );
  }
  const order = orderOf(deliverable);
  if (order) {
    return (
      <>
        <p>{action && /close/i.test(action) ? 'This closes the position with an order now:' : 'This places an order on the exchange now:'}</p>
        <OrderFacts order={order} />
      </>
    );
  }
  return <p>The agent carries out {action ? humanize(action) : 'this draft'} now.</p>;
}

export function OrderFacts({ order }: { order: NonNullable<ReturnType<typeof orderOf>> }) {
  return (
    <dl className="settings-summary order-facts">
      <Fact name="Side">{order.side ? order.side.replace(/^./, (c) => c.toUpperCase()) : '—'}</Fact>
      <Fact name="Size">
        {order.size ?? '—'} {order.symbol}
      </Fact>
      <Fact name="Price">{order.limitPrice !== undefined ? `limit ${order.limitPrice}` : 'market price'}</Fact>
      {order.notional !== undefined && (
        <Fact name="Notional">
          {order.notional.toLocaleString('en-IN')} {order.currency ?? ''}
        </Fact>
      )}
      {order.currency && (
        <Fact name="Currency">{order.currency}</Fact>
      )}
    </dl>
  );
}

/**
 * Carries out an approved draft's side effect — only where an approved, unexecuted draft allows
 * it (or a dry run may now go for real, or a failure may be retried) — after a dialog that
 * restates what will happen. The UI never decides whether it is allowed: enforcement does, and
 * its answer is shown in words (denied with the reason and next step, or the result).
 */
export function ExecuteControl({
  deliverable,
  hiredInstanceId,
  describedBy,
  plan,
}: {
  deliverable: Deliverable;
  hiredInstanceId: string;
  describedBy: string;
  plan?: string;
}) {
  const [confirming, setConfirming] = useState<{ action: string | undefined } | null>(null);
  const offer = executeOffer(deliverable, plan);
  const execution = useExecutionRequest(hiredInstanceId, async (action: string | undefined) => {
    let approvalId = approvalIdOf(deliverable);
    if (offer === 'publish_for_real' || offer === 'retry') {
      // A dry run or a failure is carried out again under a fresh approval.
      const reviewed = await cpApi.review(deliverable.deliverable_id, { decision: 'approved' });
      approvalId = approvalIdOf(reviewed);
    }
    return cpApi.execute(deliverable.deliverable_id, { approval_id: approvalId, action });
  });
  const actions = deliverable.proposed_actions ?? [];
  const choices: (string | undefined)[] = actions.length > 1 && offer === 'execute' ? actions : [actions[0]];
  const expired = approvalExpired(deliverable);
  // a platform without a connector is published by hand: the customer marks it posted (through enforcement)
  const handOnly = manualOnly(deliverable.payload);
  const social = platformOf(deliverable) !== undefined;

  return (
    <div className="execute">
      {social && (
        <ManualPublishing deliverable={deliverable} hiredInstanceId={hiredInstanceId} describedBy={describedBy} open={handOnly} />
      )}
      {/* after a denial the offer stays: once the customer fixed the reason (e.g. raised the budget), they retry here */}
      {offer && (execution.isIdle || execution.isError) && !handOnly && (
        <div className="button-row">
          {choices.map((action) => (
            <button
              key={action ?? 'default'}
              type="button"
              aria-describedby={describedBy}
              onClick={() => setConfirming({ action })}
            >
              {actionLabel(deliverable, offer, action, choices.length > 1)}
            </button>
          ))}
        </div>
      )}
      {confirming && offer && (
        <ConfirmDialog
          title={isOrder(deliverable) ? 'Place this order?' : postTextOf(deliverable) !== undefined ? 'Publish this post?' : 'Carry this out?'}
          confirmLabel={isOrder(deliverable) ? 'Place order' : postTextOf(deliverable) !== undefined ? 'Publish now' : 'Carry out now'}
          onConfirm={() => {
            const { action } = confirming;
            setConfirming(null);
            execution.mutate(action);
          }}
          onCancel={() => setConfirming(null)}
        >
          <WhatWillHappen deliverable={deliverable} action={confirming.action} />
          {offer !== 'execute' && <p className="muted">This approves the draft again, then carries it out.</p>}
        </ConfirmDialog>
      )}
      {expired && effectiveState(deliverable) === 'approved' && (
        <p className="alert alert-info">Approval expired — review again to carry this out.</p>
      )}
      <ExecutionRequestOutcome request={execution} sending="Sending…" deliverable={deliverable} hiredInstanceId={hiredInstanceId} />
      {execution.isIdle && deliverable.last_execution && <LastExecutionNote deliverable={deliverable} last={deliverable.last_execution} />}
      {execution.isIdle && !deliverable.last_execution && effectiveState(deliverable) === 'failed' && (
        <FailureNote deliverable={deliverable} />
      )}
    </div>
  );
}

function FailureNote({ deliverable }: { deliverable: Deliverable }) {
  const reason = reasonText(deliverable.failure_reason);
  return (
    <p className="alert alert-error">
      It failed{deliverable.failure_reason ? `: ${reason.text}` : '.'}
      {deliverable.retryable ? ' You can retry it.' : ''}
    </p>
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

/** A request to carry a draft out; whatever became of it, the draft list and the summary are read again. */
export function useExecutionRequest<V>(hiredInstanceId: string, request: (variables: V) => Promise<ExecutionAccepted>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });
}

/** What became of such a request: still sending, its progress once accepted, or why it was refused. */
export function ExecutionRequestOutcome<V>({
  request,
  sending,
  deliverable,
  hiredInstanceId,
}: {
  request: UseMutationResult<ExecutionAccepted, Error, V>;
  sending: string;
  deliverable: Deliverable;
  hiredInstanceId: string;
}) {
  return (
    <>
      {request.isPending && (
        <p role="status" className="muted">
          {sending}
        </p>
      )}
      {request.isSuccess && (
        <ExecutionProgress
          key={request.data.correlation_id}
          deliverable={deliverable}
          hiredInstanceId={hiredInstanceId}
          accepted={request.data}
        />
      )}
      {request.isError &&
        (isApiProblem(request.error) && request.error.status === 403 ? (
          <ExecutionDenied problem={request.error} />
        ) : (
          <ProblemAlert error={request.error} />
        ))}
    </>
  );
}

/** Follows an accepted execution: the decision if it was late, then the connector's result. */
export function ExecutionProgress({
  deliverable,
  hiredInstanceId,
  accepted,
}: {
  deliverable: Deliverable;
  hiredInstanceId: string;
  accepted: ExecutionAccepted;
}) {
  const deliverableId = deliverable.deliverable_id;
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
  const deciding = state?.phase === 'deciding' || (!state && accepted.outcome === 'pending');
  return (
    <div role="status" className={`alert ${failed ? 'alert-error' : 'alert-success'} execution-outcome`}>
      {state?.phase === 'done' ? (
        <ResultLine result={state.result} deliverable={deliverable} />
      ) : gaveUp ? (
        <p>No result yet. It will show on this draft when it arrives.</p>
      ) : deciding ? (
        <p className="muted">Checking that this is allowed…</p>
      ) : (
        <p className="muted">Allowed. Waiting for the result…</p>
      )}
      <Details>
        Correlation id: <code>{accepted.correlation_id}</code>
      </Details>
    </div>
  );
}

/** A connector's detail may be a JSON record (a dry run's would-be request): its label, then the record. */
function readDetail(detail: string | null | undefined): { text?: string; record?: Record<string, unknown> } {
  if (!detail) {
    return {};
  }
  try {
    const record: unknown = JSON.parse(detail);
    if (record && typeof record === 'object' && !Array.isArray(record)) {
      const label = (record as { label?: unknown }).label;
      return { text: typeof label === 'string' ? label : undefined, record: record as Record<string, unknown> };
    }
  } catch {
    // plain text
  }
  return { text: detail };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** What a dry run would have sent, readably: the post and where, or the order's fields. */
export function WouldHaveSent({ summary }: { summary: Record<string, unknown> }) {
  const text = str(summary.text);
  if (text !== undefined) {
    const platform = platformName(str(summary.platform));
    return (
      <>
        <p>{platform ? `Would have posted on ${platform}:` : 'Would have posted:'}</p>
        <blockquote className="outcome-summary">{text}</blockquote>
      </>
    );
  }
  const symbol = str(summary.symbol) ?? str(summary.product_symbol);
  if (symbol) {
    const side = str(summary.side);
    const type = str(summary.order_type);
    const price = str(summary.limit_price);
    return (
      <p className="outcome-summary">
        Would have placed: {[side, str(summary.size), symbol].filter(Boolean).join(' ')}
        {type ? `, ${humanize(type).replace(/ order$/, '')} order` : ''}
        {price ? ` at ${price}` : ''}
      </p>
    );
  }
  return null;
}

function ResultLine({ result, deliverable }: { result: ExecutionResultRecord; deliverable?: Deliverable }) {
  const { text, record } = readDetail(result.detail);
  const summary = result.request_summary ?? undefined;
  const raw = summary ?? record;
  const recordView = raw !== undefined && (
    <details className="details-disclosure">
      <summary>{result.status === 'dry_run' ? 'Show the full record' : 'Details'}</summary>
      <pre>{JSON.stringify(raw, null, 2)}</pre>
      {result.external_id && (
        <p>
          Reference on the platform: <code>{result.external_id}</code>
        </p>
      )}
    </details>
  );
  if (result.status === 'dry_run') {
    return (
      <>
        <p className="alert-title">Dry run — nothing was sent.</p>
        {summary ? <WouldHaveSent summary={summary} /> : text && <p>{text}</p>}
        {recordView}
      </>
    );
  }
  if (result.status === 'failed') {
    return (
      <>
        <p className="alert-title">It failed{deliverable?.failure_reason ? `: ${reasonText(deliverable.failure_reason).text}` : '.'}</p>
        {text && <p>{text}</p>}
        {recordView}
      </>
    );
  }
  if (result.status === 'executed_manually') {
    // the URL is the customer's own input: only a web address becomes a link
    const href = result.external_id && /^https?:\/\//i.test(result.external_id) ? result.external_id : undefined;
    return (
      <>
        <p className="alert-title">
          <strong>Published by hand</strong>: you posted it yourself; nothing was sent by us.
        </p>
        {href && (
          <p>
            <a href={href} target="_blank" rel="noreferrer">
              {href}
            </a>
          </p>
        )}
      </>
    );
  }
  const order = deliverable ? isOrder(deliverable) : false;
  return (
    <>
      <p className="alert-title">{result.status === 'executed' ? (order ? 'Order placed.' : 'Published.') : humanize(result.status)}</p>
      {text && <p>{text}</p>}
      {recordView || (result.external_id && (
        <Details>
          Reference on the platform: <code>{result.external_id}</code>
        </Details>
      ))}
    </>
  );
}

/** What became of the draft's last execution, in words; ids only under Details. */
function LastExecutionNote({ deliverable, last }: { deliverable: Deliverable; last: LastExecution }) {
  const status = last.result?.status ?? last.status;
  const when = last.decided_at ? ` ${formatDateTime(last.decided_at)}` : '';
  if (status === 'denied') {
    const reason = reasonText(last.reason);
    return (
      <div className="last-execution alert alert-error">
        <p>
          Not carried out{when}: {reason.text} {reason.next}
        </p>
        <Details>
          Reason code <code>{last.reason}</code> · correlation id <code>{last.correlation_id}</code>
        </Details>
      </div>
    );
  }
  if (last.result) {
    return (
      <div className={`last-execution alert ${status === 'failed' ? 'alert-error' : status === 'dry_run' ? 'alert-info' : 'alert-success'}`}>
        <ResultLine result={last.result} deliverable={deliverable} />
        <Details>
          Correlation id <code>{last.correlation_id}</code>
        </Details>
      </div>
    );
  }
  return (
    <div className="muted last-execution">
      <p>{status === 'pending' || status === 'allowed' ? 'Being carried out…' : humanize(status)}</p>
      <Details>
        Correlation id <code>{last.correlation_id}</code>
      </Details>
    </div>
  );
}

export function ExecutionDenied({ problem }: { problem: ApiProblem }) {
  const reason = reasonText(problem.reason);
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">Not carried out: {problem.reason ? reason.text : problem.detail ?? 'it was not allowed.'}</p>
      {problem.reason && reason.next && <p>{reason.next}</p>}
      <Details>
        {problem.reason && (
          <>
            Reason code <code>{problem.reason}</code>.{' '}
          </>
        )}
        {problem.detail && <>{problem.detail}. </>}
        {problem.correlation_id && (
          <>
            Correlation id <code>{problem.correlation_id}</code>
          </>
        )}
      </Details>
    </div>
  );
}
