import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { humanize, sentenceCase } from '../../shared/format';
import { EmptyState } from '../../shared/StatusMessages';
import { isoToLocalInput, localInputToIso } from '../format';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { DecisionList, DenialList, ExportKind, Row } from '../ppApi';
import { DECISION_COLUMNS, denialColumns } from './auditColumns';
import { ExportButtons } from './ExportButtons';
import { PagedResults } from './PagedResults';
import { REASON_CODES } from './reasonCodes';
import { RowTable } from './RowTable';
import type { Column } from './RowTable';
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

/**
 * What tells the two audit listings apart; the rest follows from the kind's name (its API call,
 * query key, list field, row id and wording).
 */
const AUDITS: Record<ExportKind, { intro: string; keys: readonly FilterKey[]; columns: Column[] }> = {
  denials: {
    intro: 'Executions enforcement refused, newest first, with the reason auditors read.',
    keys: DENIAL_FILTERS,
    columns: denialColumns('all customers'),
  },
  decisions: {
    intro: 'Every decision enforcement made, newest first: the outcome, the reason and the checks behind it.',
    keys: DECISION_FILTERS,
    columns: DECISION_COLUMNS,
  },
};

const rowsOf = (list: DenialList | DecisionList): Row[] => ('denials' in list ? list.denials : list.decisions);

/** Every denial enforcement recorded, filtered; auditors, support and admins. */
export function DenialsPage() {
  return <AuditListPage kind="denials" />;
}

/** Every enforcement decision, allow or deny, filtered. */
export function DecisionsPage() {
  return <AuditListPage kind="decisions" />;
}

function AuditListPage({ kind }: { kind: ExportKind }) {
  const { intro, keys, columns } = AUDITS[kind];
  const { filters, page, apply, goToPage } = useUrlFilters(keys);
  const list = useQuery<DenialList | DecisionList>({
    queryKey: ppQueryKeys[kind](filters, page),
    queryFn: () => ppApi[kind](filters, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const one = kind.slice(0, -1);
  const title = sentenceCase(kind);
  const headingId = `${kind}-heading`;
  return (
    <main className="page pp-wide">
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      <AuditFilterForm label={`Filter ${kind}`} keys={keys} applied={filters} onApply={apply} />
      <ExportButtons kind={kind} filters={filters} />
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {title} found
        </h2>
        <PagedResults
          query={list}
          items={rowsOf}
          listing={{
            loading: `Loading ${kind}`,
            empty: <EmptyState title={`No ${one} matches these filters.`} />,
            noun: [one, kind],
            pagerLabel: `${sentenceCase(one)} pages`,
            table: (rows) => <RowTable caption={title} rows={rows} columns={columns} rowKey={`${one}_id`} />,
          }}
          page={page}
          size={PAGE_SIZE}
          onPage={goToPage}
        />
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
