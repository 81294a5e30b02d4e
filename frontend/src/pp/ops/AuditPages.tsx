import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { humanize } from '../../shared/format';
import { EmptyState } from '../../shared/StatusMessages';
import { isoToLocalInput, localInputToIso } from '../format';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { AuditFilters, ExportKind, Page, Row } from '../ppApi';
import { DECISION_COLUMNS, denialColumns } from './auditColumns';
import { ExportButtons } from './ExportButtons';
import { PagedResults } from './PagedResults';
import type { Listing } from './PagedResults';
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

/** One audit listing: what it fetches and how the page names it. */
interface AuditListing {
  kind: ExportKind;
  title: string;
  intro: string;
  keys: readonly FilterKey[];
  queryKey: (filters: AuditFilters, page: number) => readonly unknown[];
  fetch: (filters: AuditFilters, page: number, size: number) => Promise<Page & { rows: Row[] }>;
  listing: Listing<Row>;
}

const DENIALS: AuditListing = {
  kind: 'denials',
  title: 'Denials',
  intro: 'Executions enforcement refused, newest first, with the reason auditors read.',
  keys: DENIAL_FILTERS,
  queryKey: ppQueryKeys.denials,
  fetch: (filters, page, size) => ppApi.denials(filters, page, size).then((list) => ({ ...list, rows: list.denials })),
  listing: {
    loading: 'Loading denials',
    empty: <EmptyState title="No denial matches these filters." />,
    noun: ['denial', 'denials'],
    pagerLabel: 'Denial pages',
    table: (rows) => <RowTable caption="Denials" rows={rows} columns={denialColumns('all customers')} rowKey="denial_id" />,
  },
};

const DECISIONS: AuditListing = {
  kind: 'decisions',
  title: 'Decisions',
  intro: 'Every decision enforcement made, newest first: the outcome, the reason and the checks behind it.',
  keys: DECISION_FILTERS,
  queryKey: ppQueryKeys.decisions,
  fetch: (filters, page, size) => ppApi.decisions(filters, page, size).then((list) => ({ ...list, rows: list.decisions })),
  listing: {
    loading: 'Loading decisions',
    empty: <EmptyState title="No decision matches these filters." />,
    noun: ['decision', 'decisions'],
    pagerLabel: 'Decision pages',
    table: (rows) => <RowTable caption="Decisions" rows={rows} columns={DECISION_COLUMNS} rowKey="decision_id" />,
  },
};

/** Every denial enforcement recorded, filtered; auditors, support and admins. */
export function DenialsPage() {
  return <AuditListPage audit={DENIALS} />;
}

/** Every enforcement decision, allow or deny, filtered. */
export function DecisionsPage() {
  return <AuditListPage audit={DECISIONS} />;
}

function AuditListPage({ audit }: { audit: AuditListing }) {
  const { filters, page, apply, goToPage } = useUrlFilters(audit.keys);
  const list = useQuery({
    queryKey: audit.queryKey(filters, page),
    queryFn: () => audit.fetch(filters, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const headingId = `${audit.kind}-heading`;
  return (
    <main className="page pp-wide">
      <h1>{audit.title}</h1>
      <p className="muted">{audit.intro}</p>
      <AuditFilterForm label={`Filter ${audit.kind}`} keys={audit.keys} applied={filters} onApply={apply} />
      <ExportButtons kind={audit.kind} filters={filters} />
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {audit.title} found
        </h2>
        <PagedResults query={list} items={(data) => data.rows} listing={audit.listing} page={page} size={PAGE_SIZE} onPage={goToPage} />
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
