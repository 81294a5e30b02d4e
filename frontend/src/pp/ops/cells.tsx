import { formatTime, valueText } from '../format';
import { StatusBadge } from '../StatusBadge';
import { CorrelationLink } from './CorrelationLink';
import type { Column } from './RowTable';

// How the ops tables show a cell of a kind: a time, an id, a status, a correlation id.

export const time = (key: string): Column['render'] => (row) => formatTime(row[key] as string | null);
export const code = (key: string): Column['render'] => (row) => (row[key] ? <code>{valueText(row[key])}</code> : '—');
export const status = (key: string): Column['render'] => (row) =>
  typeof row[key] === 'string' ? <StatusBadge status={row[key] as string} /> : '—';
export const correlation: Column = { key: 'correlation_id', label: 'Correlation', render: (row) => <CorrelationLink id={row.correlation_id} /> };
