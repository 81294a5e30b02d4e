import { Customer } from '../Customer';
import { valueText } from '../format';
import type { CheckResult, Row } from '../ppApi';
import { correlation, statusColumn, timeColumn } from './cells';
import type { Column } from './RowTable';

// Denials and decisions are shown in two places: the audit pages list them across customers, a
// hired agent's page lists those of its subscription. Their columns are defined once, here; the
// hired agent's page leaves out the customer and subscription of a denial (the page names them).


const reason: Column = { key: 'reason', label: 'Reason', render: (row) => <code className="pp-reason">{valueText(row.reason)}</code> };
const action: Column = { key: 'action', label: 'Action' };
const customer: Column = {
  key: 'customer_id',
  label: 'Customer',
  render: (row) => <Customer id={row.customer_id as string | null} name={row.customer_name as string | null | undefined} />,
};
const subscription: Column = { key: 'subscription_id', label: 'Subscription', render: (row) => <code>{valueText(row.subscription_id)}</code> };

function checksSummary(row: Row) {
  const checks = (row.checks as CheckResult[] | null | undefined) ?? [];
  const failed = checks.filter((check) => !check.passed).length;
  return checks.length === 0 ? '—' : failed === 0 ? `${checks.length} passed` : `${failed} of ${checks.length} failed`;
}

export type AuditScope = 'all customers' | 'one subscription';

const acrossCustomers = (scope: AuditScope, columns: Column[]) => (scope === 'all customers' ? columns : []);

export function denialColumns(scope: AuditScope): Column[] {
  return [
    timeColumn('denied_at', 'Denied'),
    reason,
    { key: 'detail', label: 'Detail' },
    action,
    ...acrossCustomers(scope, [customer, subscription]),
    correlation,
  ];
}

export const DECISION_COLUMNS: Column[] = [
  timeColumn('decided_at', 'Decided'),
  statusColumn('outcome', 'Outcome'),
  reason,
  { key: 'checks', label: 'Checks', render: checksSummary },
  action,
  { key: 'policy_version', label: 'Policy' },
  correlation,
];
