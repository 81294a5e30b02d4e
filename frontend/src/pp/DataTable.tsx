import type { ReactNode } from 'react';
import { ColumnHeads } from '../shared/ColumnHeads';

/**
 * The frame of every ops table: scrolls sideways on its own when wide, a caption that names it
 * (for screen readers only, unless shown), its column headings, and the rows given as children.
 */
export function DataTable({
  caption,
  captionShown = false,
  className,
  headings,
  children,
}: {
  caption: string;
  captionShown?: boolean;
  className?: string;
  headings: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="pp-table-wrap">
      <table className={className ? `pp-table ${className}` : 'pp-table'}>
        <caption className={captionShown ? undefined : 'visually-hidden'}>{caption}</caption>
        <ColumnHeads labels={headings} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
