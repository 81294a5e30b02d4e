import type { ReactNode } from 'react';
import { useId } from 'react';
import { EmptyState } from '../../shared/StatusMessages';
import { valueText } from '../format';
import type { Row } from '../ppApi';

export interface Column {
  key: string;
  label: string;
  render?: (row: Row) => ReactNode;
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
      {rows.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <div className="pp-table-wrap">
          <table className="pp-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={String(row[rowKey] ?? index)}>
                  {columns.map((column) => (
                    <td key={column.key}>{column.render ? column.render(row) : valueText(row[column.key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
