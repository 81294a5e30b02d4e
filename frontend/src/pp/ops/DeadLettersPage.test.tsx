import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubBackend } from '../../test/http';
import { renderApp } from '../../test/render';
import { ppRoutes } from '../PpApp';
import { signedInAs } from '../test/ppFixtures';
import type { DeadLetter } from './DeadLettersPage';

const letter: DeadLetter = {
  topic: 'myagents.execution-decisions.v1',
  partition: 3,
  offset: 41,
  key: 'corr-7',
  error: 'JsonParseException: Unexpected character',
  value: '{not json',
  dead_lettered_at: '2026-12-03T10:00:00Z',
};

describe('dead letters', () => {
  it('lists each dead letter with where it came from and why it failed', async () => {
    signedInAs('support');
    stubBackend({ 'GET /api/pp/ops/dead-letters': json(200, { dead_letters: [letter], page: 0, size: 25, total: 1 }) });

    renderApp(ppRoutes, '/ops/dead-letters');

    const table = await screen.findByRole('table', { name: /dead letters/i });
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByText('myagents.execution-decisions.v1')).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).getByText('41')).toBeInTheDocument();
    expect(within(row).getByText('corr-7')).toBeInTheDocument();
    expect(within(row).getByText(/JsonParseException/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 dead letter');
  });

  it('says so when nothing was dead-lettered', async () => {
    signedInAs('admin');
    stubBackend({ 'GET /api/pp/ops/dead-letters': json(200, { dead_letters: [], page: 0, size: 25, total: 0 }) });

    renderApp(ppRoutes, '/ops/dead-letters');

    expect(await screen.findByText('No dead letters.')).toBeInTheDocument();
  });
});
