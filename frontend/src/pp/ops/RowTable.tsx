import type { ReactNode } from 'react';
import { useId } from 'react';
import { EmptyState } from '../../shared/StatusMessages';
import { valueText } from '../format';
import type { Row } from '../ppApi';
import { DataTable } from '../DataTable';

/** One column of an ops table: a field of the row, its heading, and how to show it (else as text). */
export interface Column {
  key: string;
  label: string;
  render?: (row: Row) => ReactNode;
}

/** Rows as a table with one column per definition; the caption names it for screen readers. */
export function RowTable({ caption, rows, columns, rowKey }: { caption: string; rows: Row[]; columns: Column[]; rowKey: string }) {
  return (
    <DataTable caption={caption} headings={columns.map((column) => column.label)}>
      {rows.map((row, index) => (
        <tr key={String(row[rowKey] ?? index)}>
          {columns.map((column) => (
            <td key={column.key}>{column.render ? column.render(row) : valueText(row[column.key])}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** One section of an ops view: a heading and its rows as a table, or what it means to have none. */
export function RowSection({
  title,
  rows,
  columns,
  rowKey,
  empty,
}: {
  title: string;
  rows: Row[];
  columns: Column[];
  rowKey: string;
  empty: string;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>
        {title} <span className="muted small">({rows.length})</span>
      </h2>
      {rows.length === 0 ? <EmptyState title={empty} /> : <RowTable caption={title} rows={rows} columns={columns} rowKey={rowKey} />}
    </section>
  );
}
