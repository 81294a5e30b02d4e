import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PlantRecord, Refine } from '../../api/plantTypes';
import { createApiClient } from '../../shared/api';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { formatTime } from '../format';
import { Pager } from '../Pager';
import { ppSession } from '../ppApi';
import { useUrlFilters } from './useUrlFilters';

/** A stream record the materializer could not write (GET /api/pp/ops/dead-letters). */
export type DeadLetter = PlantRecord<'DeadLetter', 'topic' | 'partition' | 'offset' | 'error' | 'dead_lettered_at'>;

export type DeadLetterList = Refine<PlantRecord<'DeadLetterPage', 'page' | 'size' | 'total'>, { dead_letters: DeadLetter[] }>;

const PAGE_SIZE = 25;

const client = createApiClient({
  getToken: () => ppSession.current()?.access_token,
  onUnauthorized: () => ppSession.expire(),
});

export const deadLetters = (page = 0, size = PAGE_SIZE) =>
  client.get<DeadLetterList>('/api/pp/ops/dead-letters', { page, size });

/**
 * Records the materializer dead-lettered: unreadable, or refused by the database for good. Each
 * was skipped after its retries; nothing of it is in Plant's tables. A database outage never puts
 * a record here.
 */
export function DeadLettersPage() {
  const { page, goToPage } = useUrlFilters([] as const);
  const letters = useQuery({
    queryKey: ['pp', 'dead-letters', page],
    queryFn: () => deadLetters(page),
    placeholderData: keepPreviousData,
  });

  return (
    <main className="page pp-wide">
      <h1>Dead letters</h1>
      <p className="muted">
        Stream records Plant could not store (unreadable, or refused by the database) and skipped after retrying them.
      </p>
      {letters.isPending ? (
        <Loading label="Loading dead letters" />
      ) : letters.isError ? (
        <ProblemAlert error={letters.error} onRetry={() => letters.refetch()} />
      ) : letters.data.dead_letters.length === 0 ? (
        <EmptyState title="No dead letters.">
          <p className="muted">Every stream record so far has been stored.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted small" role="status">
            {letters.data.total} {letters.data.total === 1 ? 'dead letter' : 'dead letters'}
          </p>
          <LetterTable letters={letters.data.dead_letters} />
          <Pager label="Dead letter pages" page={page} size={PAGE_SIZE} total={letters.data.total} onPage={goToPage} />
        </>
      )}
    </main>
  );
}

function LetterTable({ letters }: { letters: DeadLetter[] }) {
  return (
    <div className="pp-table-wrap">
      <table className="pp-table">
        <caption className="visually-hidden">Dead letters, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Topic</th>
            <th scope="col">Partition</th>
            <th scope="col">Offset</th>
            <th scope="col">Key</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <tr key={`${letter.topic}-${letter.partition}-${letter.offset}`}>
              <td>{formatTime(letter.dead_lettered_at)}</td>
              <td>{letter.topic}</td>
              <td>{letter.partition}</td>
              <td>{letter.offset}</td>
              <td>{letter.key ?? '—'}</td>
              <td>{letter.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
