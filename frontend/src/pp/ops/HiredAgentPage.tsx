import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { humanize } from '../../shared/format';
import { Fact } from '../../shared/Fact';
import { QueryView } from '../../shared/QueryView';
import { Customer } from '../Customer';
import { formatTime, valueText } from '../format';
import { JsonBlock } from '../JsonView';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { InstanceView, Row } from '../ppApi';
import { StatusBadge } from '../StatusBadge';
import { DECISION_COLUMNS, denialColumns } from './auditColumns';
import { codeColumn, correlation, statusColumn, timeColumn } from './cells';
import { RowSection } from './RowTable';
import type { Column } from './RowTable';


/** A draft's payload in one line: its text when it has one, else its JSON. */
function payloadPreview(row: Row) {
  const payload = row.payload as Record<string, unknown> | null;
  const text = payload && typeof payload.text === 'string' ? payload.text : valueText(payload);
  return <span className="pp-clamp">{text}</span>;
}

// Columns more than one section shows.
const draft = codeColumn('deliverable_id', 'Draft');
const approval = codeColumn('approval_id', 'Approval');

const SECTIONS: {
  key: keyof Omit<InstanceView, 'hired_agent' | 'subscription'>;
  title: string;
  rowKey: string;
  empty: string;
  columns: Column[];
}[] = [
  {
    key: 'goals',
    title: 'Goals',
    rowKey: 'goal_instance_id',
    empty: 'No goals set.',
    columns: [
      codeColumn('goal_template_id', 'Template'),
      { key: 'frequency', label: 'Frequency' },
      { key: 'time_of_day', label: 'Time of day' },
      { key: 'timezone', label: 'Time zone', render: (row) => (row.timezone ? String(row.timezone) : "the agent's") },
      { key: 'enabled', label: 'Enabled', render: (row) => (row.enabled ? 'Yes' : 'No') },
      codeColumn('settings', 'Settings'),
      timeColumn('updated_at', 'Updated'),
    ],
  },
  {
    key: 'runs',
    title: 'Runs',
    rowKey: 'run_id',
    empty: 'No goal has run yet.',
    columns: [
      codeColumn('run_id', 'Run'),
      { key: 'period_key', label: 'Period' },
      statusColumn('status', 'Status'),
      timeColumn('triggered_at', 'Triggered'),
      timeColumn('completed_at', 'Completed'),
      codeColumn('reason', 'Reason'),
      { key: 'cost_minor', label: 'Cost (minor units)' },
      { key: 'detail', label: 'Detail' },
    ],
  },
  {
    key: 'deliverables',
    title: 'Drafts',
    rowKey: 'deliverable_id',
    empty: 'No drafts yet.',
    columns: [
      draft,
      { key: 'kind', label: 'Kind' },
      statusColumn('state', 'State'),
      { key: 'payload', label: 'Content', render: payloadPreview },
      { key: 'proposed_actions', label: 'Actions' },
      timeColumn('created_at', 'Created'),
    ],
  },
  {
    key: 'approvals',
    title: 'Approvals',
    rowKey: 'approval_id',
    empty: 'No approvals or rejections yet.',
    columns: [
      approval,
      draft,
      statusColumn('verdict', 'Verdict'),
      { key: 'reviewer', label: 'Reviewer' },
      { key: 'notes', label: 'Notes' },
      timeColumn('decided_at', 'Decided'),
      timeColumn('used_at', 'Used'),
    ],
  },
  {
    key: 'executions',
    title: 'Execution requests',
    rowKey: 'correlation_id',
    empty: 'Nothing was asked to execute.',
    columns: [
      correlation,
      draft,
      { key: 'action', label: 'Action' },
      approval,
      statusColumn('status', 'Status'),
      timeColumn('requested_at', 'Requested'),
    ],
  },
  {
    key: 'decisions',
    title: 'Decisions',
    rowKey: 'decision_id',
    empty: 'Enforcement decided nothing for this subscription yet.',
    columns: DECISION_COLUMNS,
  },
  {
    key: 'denials',
    title: 'Denials',
    rowKey: 'denial_id',
    empty: 'Nothing was denied for this subscription.',
    columns: denialColumns('one subscription'),
  },
];

/** Everything support needs about one hired agent, newest first per section. */
export function HiredAgentPage() {
  const { hiredInstanceId = '' } = useParams();
  const view = useQuery({
    queryKey: ppQueryKeys.hiredAgent(hiredInstanceId),
    queryFn: () => ppApi.hiredAgent(hiredInstanceId),
  });
  return (
    <main className="page pp-wide">
      <p>
        <Link to="/ops/hired-agents">← Hired agents</Link>
      </p>
      <QueryView query={view} loading="Loading the hired agent">
        {(data) => <InstanceDetails view={data} />}
      </QueryView>
    </main>
  );
}

function InstanceDetails({ view }: { view: InstanceView }) {
  const agent = view.hired_agent;
  const subscription = view.subscription ?? {};
  const violations = agent.config_violations ?? [];
  return (
    <>
      <header>
        <h1>{agent.nickname || 'Unnamed hired agent'}</h1>
        <p className="muted">
          <code>{agent.hired_instance_id}</code>
        </p>
      </header>
      <section aria-labelledby="instance-facts" className="card">
        <h2 id="instance-facts">Instance</h2>
        <dl className="pp-kv">
          <Fact name="Customer">
            <Customer id={agent.customer_id} email={agent.customer_email} name={agent.customer_name} details />
          </Fact>
          <Fact name="Agent type">
            <code>{agent.agent_type_id}</code> {agent.agent_type_version}
          </Fact>
          <Fact name="Configured">
            <StatusBadge status={agent.configured ? 'configured' : 'not_configured'} label={agent.configured ? 'Yes' : 'No'} />
          </Fact>
          <Fact name="Finalized">{formatTime(agent.finalized_at)}</Fact>
          <Fact name="Subscription">
            <code>{agent.subscription_id}</code> {typeof subscription.status === 'string' && humanize(subscription.status)}
          </Fact>
          <Fact name="Trial">
            {typeof subscription.trial_status === 'string' ? humanize(subscription.trial_status) : 'none'}
            {typeof subscription.trial_end_at === 'string' && ` until ${formatTime(subscription.trial_end_at)}`}
          </Fact>
          <Fact name="Period">
            {formatTime(subscription.period_start as string | null)} – {formatTime(subscription.period_end as string | null)}
          </Fact>
          {typeof subscription.retention_until === 'string' && (
            <Fact name="Retained until">{formatTime(subscription.retention_until)}</Fact>
          )}
        </dl>
      </section>
      <section aria-labelledby="config-heading" className="card">
        <h2 id="config-heading">Configuration</h2>
        <p className="muted small">References only: secrets live in the vaults and never show here.</p>
        {!agent.configured && (
          <div className="alert alert-info">
            <p className="alert-title">Why it is not configured</p>
            {violations.length === 0 ? (
              <p>Not finalized yet, or no reason recorded.</p>
            ) : (
              <ul aria-label="Configuration violations">
                {violations.map((violation, index) => (
                  <li key={index}>
                    <code>{violation.pointer ?? violation.field}</code> {violation.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <JsonBlock value={agent.config} label="Configuration (references only)" />
      </section>
      {SECTIONS.map((section) => (
        <RowSection
          key={section.key}
          title={section.title}
          rows={(view[section.key] ?? []).map((row) =>
            // A customer reviews their own drafts: name them, not their id.
            row.reviewer && row.reviewer === agent.customer_id
              ? { ...row, reviewer: `${agent.customer_name || agent.customer_email || 'The customer'} (customer)` }
              : row,
          )}
          columns={section.columns}
          rowKey={section.rowKey}
          empty={section.empty}
        />
      ))}
    </>
  );
}
