import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert';
import { Loading } from './StatusMessages';

/** A query's three faces: still loading, its problem with a retry, or what its data shows. */
export function QueryView<T>({
  query,
  loading,
  children,
}: {
  query: UseQueryResult<T>;
  loading: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return <Loading label={loading} />;
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  }
  return children(query.data);
}
