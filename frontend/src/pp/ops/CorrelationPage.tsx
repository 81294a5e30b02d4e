import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { humanize } from '../../shared/format';
import { Fact } from '../../shared/Fact';
import { QueryView } from '../../shared/QueryView';
import { Customer } from '../Customer';
import { formatTime, valueText } from '../format';
import { KeyValues } from '../JsonView';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { CheckResult, CorrelationTimeline, Row, TimelineEntry } from '../ppApi';
import { StatusBadge } from '../StatusBadge';
import { correlationPath } from './CorrelationLink';
import type { CameFrom } from './CorrelationLink';
import { DataTable } from '../DataTable';

/** The pipeline's stages in the order a request passes them (ties at one instant sort by this). */
const STAGES = ['http_access', 'execution_request', 'decision', 'denial', 'command', 'connector_result'];

const STAGE_LABELS: Record<string, string> = {
  http_access: 'HTTP access',
  execution_request: 'Execution request',
  decision: 'Decision',
  denial: 'Denial',
  command: 'Signed command',
  connector_result: 'Connector result',
};

/** Time first, then the pipeline's own order, as the backend orders them; kept here so the UI never shows steps out of order. */
export function orderedSteps(steps: TimelineEntry[]): TimelineEntry[] {
  const rank = (stage: string) => {
    const index = STAGES.indexOf(stage);
    return index < 0 ? STAGES.length : index;
  };
  return steps
    .map((step, index) => ({ step, index, at: Date.parse(step.at) }))
    .sort((a, b) => (a.at - b.at || rank(a.step.stage) - rank(b.step.stage) || a.index - b.index))
    .map(({ step }) => step);
}

/** Where to start: type or paste a correlation id. */
export function CorrelationLookupPage() {
  return (
    <main className="page pp-wide">
      <h1>Correlations</h1>
      <p className="muted">
        A correlation id follows one request everywhere: through the gateway, enforcement's decision and the connector.
        Customers see it with every denial.
      </p>
      <CorrelationLookup />
    </main>
  );
}

function CorrelationLookup({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  const navigate = useNavigate();
  const inputId = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = value.trim();
    if (id) {
      navigate(correlationPath(id));
    }
  }
  return (
    <form role="search" aria-label="Find a correlation" className="card pp-lookup" onSubmit={submit}>
      <label htmlFor={inputId}>Correlation id</label>
      <div className="pp-actions">
        <input
          id={inputId}
          value={value}
          required
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit">Show timeline</button>
      </div>
    </form>
  );
}

/** The drill-down: everything recorded under one correlation id, in order, with each step's details. */
export function CorrelationPage() {
  const { correlationId = '' } = useParams();
  const cameFrom = (useLocation().state as CameFrom | null) ?? null;
  const timeline = useQuery({
    queryKey: ppQueryKeys.correlation(correlationId),
    queryFn: () => ppApi.correlation(correlationId),
  });
  return (
    <main className="page pp-wide">
      <p>
        {cameFrom ? <Link to={cameFrom.from}>← Back to {cameFrom.label}</Link> : <Link to="/ops/correlations">← Find a correlation</Link>}
      </p>
      <h1>
        Correlation <code className="pp-break">{correlationId}</code>
      </h1>
      <QueryView query={timeline} loading="Loading the timeline">
        {(data) => <Timeline data={data} />}
      </QueryView>
      <CorrelationLookup key={correlationId} />
    </main>
  );
}

function Timeline({ data }: { data: CorrelationTimeline }) {
  const steps = orderedSteps(data.timeline ?? []);
  const verdict = steps.find((step) => step.stage === 'denial') ?? steps.find((step) => step.stage === 'decision');
  const reason = verdict ? (verdict.details.reason as string | undefined) : undefined;
  return (
    <>
      <section aria-labelledby="outcome-heading" className="card">
        <h2 id="outcome-heading">Outcome</h2>
        <p className="pp-outcome">
          <StatusBadge status={data.outcome} />
          {reason && (
            <>
              {' '}
              reason <code className="pp-reason">{reason}</code>
            </>
          )}
        </p>
        <dl className="pp-kv">
          <IdFact name="Deliverable" value={data.deliverable_id ?? null} />
          <IdFact name="Subscription" value={data.subscription_id ?? null} />
          <Fact name="Customer">
            <Customer id={data.customer_id} name={data.customer_name} details />
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="pp-timeline" aria-labelledby="timeline-heading">
          {steps.map((step, index) => (
            <TimelineStep key={`${step.stage}-${index}`} step={step} number={index + 1} />
          ))}
        </ol>
      </section>
    </>
  );
}

function IdFact({ name, value }: { name: string; value: string | null }) {
  return <Fact name={name}>{value ? <code>{value}</code> : '—'}</Fact>;
}

function TimelineStep({ step, number }: { step: TimelineEntry; number: number }) {
  const headingId = useId();
  const label = STAGE_LABELS[step.stage] ?? humanize(step.stage);
  return (
    <li className={`pp-step pp-step-${step.stage}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {number}. {label}
      </h3>
      <p className="muted small">
        <time dateTime={step.at}>{formatTime(step.at)}</time> · {step.source}
      </p>
      <p>{step.summary}</p>
      <StepDetails step={step} />
    </li>
  );
}

/** Decisions and denials show what decided them; every step keeps all its recorded fields one click away. */
function StepDetails({ step }: { step: TimelineEntry }) {
  const details: Row = step.details ?? {};
  const { checks, inputs, ...rest } = details;
  const decisive = step.stage === 'decision' || step.stage === 'denial';
  return (
    <>
      {decisive && (
        <dl className="pp-kv">
          {step.stage === 'decision' && (
            <Fact name="Outcome">
              <StatusBadge status={String(details.outcome)} />
            </Fact>
          )}
          <Fact name="Reason code">
            <code className="pp-reason">{valueText(details.reason)}</code>
          </Fact>
          {details.detail != null && <Fact name="Detail">{valueText(details.detail)}</Fact>}
          <Fact name="Policy version">{valueText(details.policy_version)}</Fact>
        </dl>
      )}
      {Array.isArray(checks) && <Checks checks={checks as CheckResult[]} />}
      {inputs !== undefined && (
        <div className="pp-inputs">
          <h4>Inputs</h4>
          <KeyValues value={inputs} label="Inputs" />
        </div>
      )}
      <details className="pp-raw">
        <summary>All recorded fields</summary>
        <KeyValues value={decisive ? rest : details} label="Recorded fields" />
      </details>
    </>
  );
}

function Checks({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0) {
    return <p className="muted">No checks recorded.</p>;
  }
  return (
    <DataTable caption="Checks" className="pp-checks" captionShown headings={['Check', 'Result', 'Detail']}>
      {checks.map((check, index) => (
        <tr key={`${check.check}-${index}`} className={check.passed ? undefined : 'pp-check-failed'}>
          <th scope="row">
            <code>{check.check}</code>
          </th>
          <td>
            <StatusBadge status={check.passed ? 'allow' : 'deny'} label={check.passed ? 'Pass' : 'Fail'} />
          </td>
          <td>{check.detail ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
