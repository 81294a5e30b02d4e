import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryView } from '../../shared/QueryView';
import { Pager } from '../Pager';

/** How a paged listing names what it lists, as every listing counts and pages it the same way. */
export interface Listing<T> {
  /** The loading line ("Loading denials"). */
  loading: string;
  /** What to show when the page has no item. */
  empty: ReactNode;
  /** The item's name, one and many, for the count ("1 denial", "3 denials"). */
  noun: readonly [string, string];
  pagerLabel: string;
  table: (items: T[]) => ReactNode;
}

/** A page of a listing: loading, its problem, what "none" means, or the count, the table and the pager. */
export function PagedResults<D extends { total: number }, T>({
  query,
  items,
  listing,
  page,
  size,
  onPage,
}: {
  query: UseQueryResult<D>;
  items: (data: D) => T[];
  listing: Listing<T>;
  page: number;
  size: number;
  onPage: (page: number) => void;
}) {
  return (
    <QueryView query={query} loading={listing.loading}>
      {(data) =>
        items(data).length === 0 ? (
          listing.empty
        ) : (
          <>
            <p className="muted small" role="status">
              {data.total} {data.total === 1 ? listing.noun[0] : listing.noun[1]}
            </p>
            {listing.table(items(data))}
            <Pager label={listing.pagerLabel} page={page} size={size} total={data.total} onPage={onPage} />
          </>
        )
      }
    </QueryView>
  );
}
