import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '../../test/http';
import { draftPanel, openReviewTab } from '../../test/reviewFixtures';
import type { Deliverable } from '../cpApi';

// One post can be written again (a new, charged run), and the old draft then says it was superseded.

const post: Deliverable = {
  deliverable_id: 'del-x',
  goal_instance_id: 'goal-1',
  kind: 'social_post',
  title: 'Flu shots',
  state: 'pending_review',
  payload: { platform: 'x', text: 'Flu shots this week', character_limit: 280, length: 19 },
  proposed_actions: ['publish'],
};

describe('Review tab: writing one post again', () => {
  it('asks for a new run of the post, says it is charged and what happens next', async () => {
    const calls = openReviewTab([post], {
      'POST /api/cp/deliverables/del-x/regenerate': json(202, { run_id: 'goal-1:on_demand:c-1', supersedes: 'del-x' }),
    });
    const panel = await draftPanel('Flu shots');

    expect(within(panel).getByText(/charged like any run/)).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Write this post again' }));

    const status = await within(panel).findByRole('status');
    expect(status).toHaveTextContent('Writing it again. The new draft appears in Review when it is ready');
    expect(status).toHaveTextContent('this one then shows as superseded');
    expect(calls.filter((call) => call.method === 'POST' && call.path === '/api/cp/deliverables/del-x/regenerate')).toHaveLength(1);
    expect(within(panel).getByRole('button', { name: 'Write this post again' })).toBeDisabled();
  });

  it('shows a refused regeneration as a problem', async () => {
    openReviewTab([post], {
      'POST /api/cp/deliverables/del-x/regenerate': problem(409, {
        title: 'Conflict',
        detail: 'the goal that wrote this post no longer exists; edit the post instead',
      }),
    });
    const panel = await draftPanel('Flu shots');

    await userEvent.click(within(panel).getByRole('button', { name: 'Write this post again' }));

    expect(await within(panel).findByRole('alert')).toHaveTextContent('edit the post instead');
  });

  it('labels a superseded draft in words and offers neither review, edit nor regeneration', async () => {
    openReviewTab([{ ...post, state: 'superseded' }]);
    const heading = await screen.findByRole('heading', { name: 'Flu shots' });
    const item = heading.closest('li')!;

    expect(within(item).getByText('Superseded — written again')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Mark as posted', hidden: true })).not.toBeInTheDocument();
    const panel = await draftPanel('Flu shots');
    expect(within(panel).getByText(/the new draft replaces it/)).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Write this post again' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Edit text' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(panel).queryByRole('region', { name: 'Image' })).not.toBeInTheDocument();
  });
});
