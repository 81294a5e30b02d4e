import { Link } from 'react-router-dom';

export function correlationPath(correlationId: string): string {
  return `/ops/correlations/${encodeURIComponent(correlationId)}`;
}

/** A correlation id that opens its drill-down. */
export function CorrelationLink({ id }: { id: unknown }) {
  if (typeof id !== 'string' || id === '') {
    return <>—</>;
  }
  return (
    <Link to={correlationPath(id)} aria-label={`Correlation ${id}`}>
      <code>{id}</code>
    </Link>
  );
}
