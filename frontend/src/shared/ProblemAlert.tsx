import type { ApiProblem } from './api';
import { isApiProblem } from './api';

/** Shows why a call failed, with the correlation id support needs to find it in the logs. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem: Pick<ApiProblem, 'title' | 'detail' | 'errors' | 'correlation_id'> = isApiProblem(error)
    ? error
    : { title: 'Something went wrong', detail: error instanceof Error ? error.message : undefined, errors: [] };
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{problem.title}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((violation, index) => (
            <li key={index}>
              {(violation.pointer ?? violation.field) && <code>{violation.pointer ?? violation.field}</code>}{' '}
              {violation.message}
            </li>
          ))}
        </ul>
      )}
      {problem.correlation_id && (
        <p className="correlation">
          Correlation id: <code>{problem.correlation_id}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
