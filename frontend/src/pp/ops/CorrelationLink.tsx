import { Link, useLocation } from 'react-router-dom';

/** Where a drill-down was opened from, so its back link returns there. */
export interface CameFrom {
  from: string;
  label: string;
}

function labelOf(pathname: string): string {
  if (pathname.startsWith('/ops/denials')) {
    return 'Denials';
  }
  if (pathname.startsWith('/ops/decisions')) {
    return 'Decisions';
  }
  if (pathname.startsWith('/ops/hired-agents/')) {
    return 'the hired agent';
  }
  if (pathname.startsWith('/ops/hired-agents')) {
    return 'Hired agents';
  }
  return 'where you were';
}

export function correlationPath(correlationId: string): string {
  return `/ops/correlations/${encodeURIComponent(correlationId)}`;
}

/** A correlation id that opens its drill-down. */
export function CorrelationLink({ id }: { id: unknown }) {
  const location = useLocation();
  if (typeof id !== 'string' || id === '') {
    return <>—</>;
  }
  const cameFrom: CameFrom = { from: `${location.pathname}${location.search}`, label: labelOf(location.pathname) };
  return (
    <Link to={correlationPath(id)} state={cameFrom} aria-label={`Correlation ${id}`}>
      <code>{id}</code>
    </Link>
  );
}
