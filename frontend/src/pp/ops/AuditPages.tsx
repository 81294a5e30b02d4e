import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { humanize } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { isoToLocalInput, localInputToIso } from '../format';
import { Pager } from '../Pager';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { Decision, Denial } from '../ppApi';
import { DECISION_COLUMNS, denialColumns } from './auditColumns';
import { ExportButtons } from './ExportButtons';
import { REASON_CODES } from './reasonCodes';
import { RowTable } from './RowTable';
import { useUrlFilters } from './useUrlFilters';

const PAGE_SIZE = 25;
const DENIAL_FILTERS = ['correlation_id', 'reason', 'customer_id', 'subscription_id', 'from', 'to'] as const;
const DECISION_FILTERS = [...DENIAL_FILTERS, 'outcome'] as const;
type FilterKey = (typeof DECISION_FILTERS)[number];

const LABELS: Record<FilterKey, string> = {
  correlation_id: 'Correlation id',
  reason: 'Reason',
  customer_id: 'Customer id',
  subscription_id: 'Subscription id',
  from: 'From',
  to: 'Until',
  outcome: 'Outcome',
};

/** Every denial enforcement recorded, filtered; auditors, support and admins. */
export function DenialsPage() {
  const { filters, page, apply, goToPage } = useUrlFilters(DENIAL_FILTERS);
  const list = useQuery({
    queryKey: ppQueryKeys.denials(filters, page),
    queryFn: () => ppApi.denials(filters, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return (
    <main className="page pp-wide">
      <h1>Denials</h1>
      <p className="muted">Executions enforcement refused, newest first, with the reason auditors read.</p>
      <AuditFilterForm label="Filter denials" keys={DENIAL_FILTERS} applied={filters} onApply={apply} />
      <ExportButtons kind="denials" filters={filters} />
      <section aria-labelledby="denials-heading">
        <h2 id="denials-heading" className="visually-hidden">
          Denials found
        </h2>
        {list.isPending ? (
          <Loading label="Loading denials" />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.denials.length === 0 ? (
          <EmptyState title="No denial matches these filters." />
        ) : (
          <>
            <p className="muted small" role="status">
              {list.data.total} {list.data.total === 1 ? 'denial' : 'denials'}
            </p>
            <DenialTable denials={list.data.denials} />
            <Pager label="Denial pages" page={page} size={PAGE_SIZE} total={list.data.total} onPage={goToPage} />
          </>
        )}
      </section>
    </main>
  );
}

/** Every enforcement decision, allow or deny, filtered. */
export function DecisionsPage() {
  const { filters, page, apply, goToPage } = useUrlFilters(DECISION_FILTERS);
  const list = useQuery({
    queryKey: ppQueryKeys.decisions(filters, page),
    queryFn: () => ppApi.decisions(filters, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return (
    <main className="page pp-wide">
      <h1>Decisions</h1>
      <p className="muted">Every decision enforcement made, newest first: the outcome, the reason and the checks behind it.</p>
      <AuditFilterForm label="Filter decisions" keys={DECISION_FILTERS} applied={filters} onApply={apply} />
      <ExportButtons kind="decisions" filters={filters} />
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading" className="visually-hidden">
          Decisions found
        </h2>
        {list.isPending ? (
          <Loading label="Loading decisions" />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.decisions.length === 0 ? (
          <EmptyState title="No decision matches these filters." />
        ) : (
          <>
            <p className="muted small" role="status">
              {list.data.total} {list.data.total === 1 ? 'decision' : 'decisions'}
            </p>
            <DecisionTable decisions={list.data.decisions} />
            <Pager label="Decision pages" page={page} size={PAGE_SIZE} total={list.data.total} onPage={goToPage} />
          </>
        )}
      </section>
    </main>
  );
}

/**
 * The filters as a form. Times are typed in local time and sent as ISO instants; the URL keeps
 * the instants, so a shared link means the same window anywhere.
 */
function AuditFilterForm<K extends FilterKey>({
  label,
  keys,
  applied,
  onApply,
}: {
  label: string;
  keys: readonly K[];
  applied: Record<K, string>;
  onApply: (filters: Record<K, string>) => void;
}) {
  const toForm = (values: Record<K, string>) =>
    Object.fromEntries(
      keys.map((key) => [key, key === 'from' || key === 'to' ? isoToLocalInput(values[key]) : values[key]]),
    ) as Record<K, string>;
  const [form, setForm] = useState(() => toForm(applied));
  const appliedKey = JSON.stringify(applied);
  useEffect(() => setForm(toForm(JSON.parse(appliedKey) as Record<K, string>)), [appliedKey]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = Object.fromEntries(
      keys.map((key) => [key, key === 'from' || key === 'to' ? (localInputToIso(form[key]) ?? '') : form[key]]),
    ) as Record<K, string>;
    onApply(next);
  }

  function field(key: K) {
    const id = `filter-${key}`;
    const set = (value: string) => setForm((current) => ({ ...current, [key]: value }));
    if (key === 'reason') {
      return (
        <select id={id} value={form[key]} onChange={(event) => set(event.target.value)}>
          <option value="">Any reason</option>
          {REASON_CODES.filter((code) => code !== 'allowed' || keys.includes('outcome' as K)).map((code) => (
            <option key={code} value={code}>
              {humanize(code)}
            </option>
          ))}
        </select>
      );
    }
    if (key === 'outcome') {
      return (
        <select id={id} value={form[key]} onChange={(event) => set(event.target.value)}>
          <option value="">Allow or deny</option>
          <option value="allow">Allow</option>
          <option value="deny">Deny</option>
        </select>
      );
    }
    return (
      <input
        id={id}
        type={key === 'from' || key === 'to' ? 'datetime-local' : 'text'}
        autoComplete="off"
        value={form[key]}
        onChange={(event) => set(event.target.value)}
      />
    );
  }

  return (
    <form role="search" aria-label={label} className="card pp-filters" onSubmit={submit}>
      {keys.map((key) => (
        <div key={key}>
          <label htmlFor={`filter-${key}`}>{LABELS[key]}</label>
          {field(key)}
        </div>
      ))}
      <div className="pp-actions">
        <button type="submit">Apply filters</button>
        <button
          type="button"
          className="secondary"
          onClick={() => onApply(Object.fromEntries(keys.map((key) => [key, ''])) as Record<K, string>)}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

function DenialTable({ denials }: { denials: Denial[] }) {
  return <RowTable caption="Denials" rows={denials} columns={denialColumns('all customers')} rowKey="denial_id" />;
}

function DecisionTable({ decisions }: { decisions: Decision[] }) {
  return <RowTable caption="Decisions" rows={decisions} columns={DECISION_COLUMNS} rowKey="decision_id" />;
}
