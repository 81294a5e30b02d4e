import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { humanize } from '../../shared/format';
import { EmptyState } from '../../shared/StatusMessages';
import { Customer } from '../Customer';
import { formatTime } from '../format';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { HiredAgentSummary } from '../ppApi';
import { StatusBadge } from '../StatusBadge';
import { PagedResults } from './PagedResults';
import { useUrlFilters } from './useUrlFilters';
import { DataTable } from '../DataTable';

const CRITERIA = ['email', 'customer_id', 'subscription_id', 'hired_instance_id'] as const;
const LABELS: Record<(typeof CRITERIA)[number], string> = {
  email: 'Customer email or name, or agent name (part is enough)',
  customer_id: 'Customer id',
  subscription_id: 'Subscription id',
  hired_instance_id: 'Hired instance id',
};
const PAGE_SIZE = 25;

export function hiredAgentPath(hiredInstanceId: string): string {
  return `/ops/hired-agents/${encodeURIComponent(hiredInstanceId)}`;
}

/** Support's search over every customer's hired agents; criteria combine with AND. */
export function HiredAgentSearchPage() {
  const { filters, page, apply, goToPage } = useUrlFilters(CRITERIA);
  const [draft, setDraft] = useState(filters);
  // Back/forward or a pasted link changes the URL: the form follows it.
  const applied = JSON.stringify(filters);
  useEffect(() => setDraft(JSON.parse(applied) as typeof filters), [applied]);
  const results = useQuery({
    queryKey: ppQueryKeys.hiredAgentSearch(filters, page),
    queryFn: () => ppApi.searchHiredAgents(filters, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const searching = CRITERIA.some((key) => filters[key]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(draft);
  }

  return (
    <main className="page pp-wide">
      <h1>Hired agents</h1>
      <form role="search" aria-label="Find hired agents" className="card pp-filters" onSubmit={submit}>
        {CRITERIA.map((key) => (
          <div key={key}>
            <label htmlFor={`search-${key}`}>{LABELS[key]}</label>
            <input
              id={`search-${key}`}
              name={key}
              type={key === 'email' ? 'search' : 'text'}
              autoComplete="off"
              value={draft[key]}
              onChange={(event) => setDraft((current) => ({ ...current, [key]: event.target.value }))}
            />
          </div>
        ))}
        <div className="pp-actions">
          <button type="submit">Search</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const cleared = Object.fromEntries(CRITERIA.map((key) => [key, ''])) as typeof draft;
              setDraft(cleared);
              apply(cleared);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{searching ? 'Results' : 'Most recently hired'}</h2>
        <PagedResults
          query={results}
          items={(data) => data.hired_agents}
          listing={{
            loading: 'Searching',
            empty: (
              <EmptyState title={searching ? 'No hired agent matches.' : 'No hired agents yet.'}>
                {searching && <p className="muted">Check the email or id, or clear a criterion.</p>}
              </EmptyState>
            ),
            noun: ['hired agent', 'hired agents'],
            pagerLabel: 'Result pages',
            table: (agents) => <ResultTable agents={agents} />,
          }}
          page={page}
          size={PAGE_SIZE}
          onPage={goToPage}
        />
      </section>
    </main>
  );
}

function ResultTable({ agents }: { agents: HiredAgentSummary[] }) {
  return (
    <DataTable caption="Hired agents found" headings={['Hired agent', 'Customer', 'Agent type', 'Configured', 'Subscription', 'Goals', 'Drafts pending', 'Hired']}>
      {agents.map((agent) => (
        <tr key={agent.hired_instance_id}>
          <th scope="row">
            <Link to={hiredAgentPath(agent.hired_instance_id)}>{agent.nickname || agent.hired_instance_id}</Link>
          </th>
          <td>
            <Customer id={agent.customer_id} email={agent.customer_email} name={agent.customer_name} />
          </td>
          <td>
            <code>{agent.agent_type_id}</code> {agent.agent_type_version}
          </td>
          <td>
            <StatusBadge
              status={agent.configured ? 'configured' : 'not_configured'}
              label={agent.configured ? 'Yes' : 'No'}
            />
          </td>
          <td>
            {humanize(agent.subscription_status)}
            {agent.trial_status && (
              <span className="muted small">
                {' '}
                · trial {humanize(agent.trial_status)}
                {agent.trial_end_at && ` until ${formatTime(agent.trial_end_at)}`}
              </span>
            )}
          </td>
          <td>{agent.goals_count}</td>
          <td>{agent.drafts_pending_review}</td>
          <td>{formatTime(agent.created_at)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
