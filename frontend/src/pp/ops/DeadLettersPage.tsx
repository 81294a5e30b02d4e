import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PlantRecord, Refine } from '../../api/plantTypes';
import { createApiClient } from '../../shared/api';
import { EmptyState } from '../../shared/StatusMessages';
import { formatTime } from '../format';
import { ppSession } from '../ppApi';
import { PagedResults } from './PagedResults';
import type { Listing } from './PagedResults';
import { useUrlFilters } from './useUrlFilters';
import { DataTable } from '../DataTable';

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

const LETTERS: Listing<DeadLetter> = {
  loading: 'Loading dead letters',
  empty: (
    <EmptyState title="No dead letters.">
      <p className="muted">Every stream record so far has been stored.</p>
    </EmptyState>
  ),
  noun: ['dead letter', 'dead letters'],
  pagerLabel: 'Dead letter pages',
  table: (letters) => <LetterTable letters={letters} />,
};

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
      <PagedResults query={letters} items={(data) => data.dead_letters} listing={LETTERS} page={page} size={PAGE_SIZE} onPage={goToPage} />
    </main>
  );
}

function LetterTable({ letters }: { letters: DeadLetter[] }) {
  return (
    <DataTable caption="Dead letters, newest first" headings={['When', 'Topic', 'Partition', 'Offset', 'Key', 'Error']}>
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
    </DataTable>
  );
}
