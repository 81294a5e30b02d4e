import type { ReactNode } from 'react';
import type { ApiProblem } from './api';
import { isApiProblem } from './api';
import { problemHeadline, reasonText } from './reasons';

/** Ids and codes support may ask for, kept out of the way behind "Details". */
export function Details({ children, summary = 'Details' }: { children: ReactNode; summary?: string }) {
  return (
    <details className="details-disclosure">
      <summary>{summary}</summary>
      <div className="details-body">{children}</div>
    </details>
  );
}

/**
 * Why a call failed, in words: a sentence for the problem's reason or status, the server's
 * detail, and the next step; the correlation id and field pointers only under "Details".
 */
export function ProblemAlert({
  error,
  onRetry,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  /** A next-step control the screen offers (e.g. a Finalize button). */
  children?: ReactNode;
}) {
  const problem: Pick<ApiProblem, 'title' | 'detail' | 'errors' | 'correlation_id' | 'status' | 'reason'> = isApiProblem(
    error,
  )
    ? error
    : {
        title: 'Something went wrong',
        status: -1,
        detail: error instanceof Error ? error.message : undefined,
        errors: [],
      };
  const headline = problem.status === -1 ? problem.title : problemHeadline(problem);
  const next = problem.reason ? reasonText(problem.reason).next : '';
  const hasDetails = Boolean(problem.correlation_id || problem.reason || problem.errors.some((e) => e.pointer ?? e.field));
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{headline}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((violation, index) => (
            <li key={index}>{violation.message}</li>
          ))}
        </ul>
      )}
      {next && <p>{next}</p>}
      {children}
      {hasDetails && (
        <Details>
          {problem.reason && (
            <p>
              Reason code: <code>{problem.reason}</code>
            </p>
          )}
          {problem.errors.some((e) => e.pointer ?? e.field) && (
            <ul>
              {problem.errors.map((violation, index) => (
                <li key={index}>
                  <code>{violation.pointer ?? violation.field}</code> {violation.message}
                </li>
              ))}
            </ul>
          )}
          {problem.correlation_id && (
            <p className="correlation">
              Correlation id: <code>{problem.correlation_id}</code>
            </p>
          )}
        </Details>
      )}
      {onRetry && problem.status !== 404 && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
