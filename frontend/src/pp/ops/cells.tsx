import { formatTime, valueText } from '../format';
import { StatusBadge } from '../StatusBadge';
import { CorrelationLink } from './CorrelationLink';
import type { Column } from './RowTable';

// Columns of the ops tables that show a cell of a kind: a time, an id, a status, a correlation id.

export const timeColumn = (key: string, label: string): Column => ({ key, label, render: (row) => formatTime(row[key] as string | null) });
export const codeColumn = (key: string, label: string): Column => ({
  key,
  label,
  render: (row) => (row[key] ? <code>{valueText(row[key])}</code> : '—'),
});
export const statusColumn = (key: string, label: string): Column => ({
  key,
  label,
  render: (row) => (typeof row[key] === 'string' ? <StatusBadge status={row[key] as string} /> : '—'),
});
export const correlation: Column = { key: 'correlation_id', label: 'Correlation', render: (row) => <CorrelationLink id={row.correlation_id} /> };
