import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '../../test/http';
import { approvedPost, openReviewTab, postsTo, validApproval } from '../../test/reviewFixtures';
import type { Deliverable } from '../cpApi';

const approved = approvedPost();

const overBudget: Deliverable = {
  ...approved,
  retryable: true,
  failure_reason: 'budget_exceeded',
  last_execution: { correlation_id: 'corr-1', status: 'denied', reason: 'budget_exceeded' },
};

describe('Review tab: retrying an execution denied for a reason the customer can fix', () => {
  it('says why in words and offers Retry, which approves again and carries it out under the new approval', async () => {
    const calls = openReviewTab(() => json(200, { deliverables: [overBudget] }), {
      'POST /api/cp/deliverables/del-1/review': json(200, {
        ...approved,
        approval: validApproval('appr-2'),
      }),
      'POST /api/cp/deliverables/del-1/execute': json(202, { correlation_id: 'corr-2', outcome: 'allowed' }),
    });
    const user = userEvent.setup();
    const item = (await screen.findByRole('heading', { name: 'Flu season reminder' })).closest('li')!;

    expect(item).toHaveTextContent("Not carried out: This would go over the agent's monthly budget. Raise the budget, or wait for next month.");
    expect(within(item).queryByRole('button', { name: 'Publish…' })).not.toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Retry' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish this post?' });
    expect(dialog).toHaveTextContent('This approves the draft again, then carries it out.');
    await user.click(within(dialog).getByRole('button', { name: 'Publish now' }));

    await waitFor(() => expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')).toHaveLength(1));
    expect(postsTo(calls, '/api/cp/deliverables/del-1/review')[0].body).toEqual({ decision: 'approved' });
    expect(postsTo(calls, '/api/cp/deliverables/del-1/execute')[0].body).toEqual({ approval_id: 'appr-2', action: 'publish' });
  });

  it('keeps Retry on offer right after a denial, so the customer can try again once they fixed it', async () => {
    let current: Deliverable = approved;
    openReviewTab(() => json(200, { deliverables: [current] }), {
      'POST /api/cp/deliverables/del-1/execute': () => {
        current = overBudget;
        return problem(403, { title: 'Execution denied', reason: 'budget_exceeded', correlation_id: 'corr-1' });
      },
    });
    const user = userEvent.setup();
    const item = (await screen.findByRole('heading', { name: 'Flu season reminder' })).closest('li')!;

    await user.click(within(item).getByRole('button', { name: 'Publish…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Publish now' }));

    expect(await within(item).findByRole('alert')).toHaveTextContent("Not carried out: This would go over the agent's monthly budget.");
    expect(await within(item).findByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
