import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem } from '../../test/http';
import { approvedPost, draftItem, openReviewTab, validApproval } from '../../test/reviewFixtures';
import type { Deliverable } from '../cpApi';

const approvedYouTubePost = approvedPost({
  deliverable_id: 'del-yt',
  title: 'Clinic tour',
  payload: { platform: 'youtube', text: 'Take a tour of our clinic #health' },
  approval: validApproval('appr-yt'),
});

const linkedInPost = approvedPost({
  deliverable_id: 'del-li',
  title: 'Flu shots',
  payload: { platform: 'linkedin', text: 'Flu shots this week' },
  approval: validApproval('appr-li'),
});

const instagramWithoutImage: Deliverable = {
  ...linkedInPost,
  deliverable_id: 'del-ig',
  title: 'Smiles',
  payload: { platform: 'instagram', text: 'Healthy smiles' },
};

describe('Review tab: publishing by hand', () => {
  it('hands over a post no connector publishes and marks it posted through enforcement', async () => {
    const calls = openReviewTab([approvedYouTubePost], {
      'POST /api/cp/deliverables/del-yt/execute': json(202, { correlation_id: 'corr-yt', outcome: 'allowed' }),
      'GET /api/cp/deliverables/del-yt': json(200, {
        ...approvedYouTubePost,
        last_execution: {
          correlation_id: 'corr-yt',
          status: 'executed',
          result: { status: 'executed_manually', external_id: 'https://www.youtube.com/post/Ug1' },
        },
      }),
    });
    const item = await draftItem('Clinic tour');

    // no Execute: nothing could send it; the hand-over instead
    expect(within(item).queryByRole('button', { name: /^(Execute|Publish)/ })).not.toBeInTheDocument();
    const panel = within(item).getByRole('region', { name: 'Publish on YouTube by hand' });
    expect(within(panel).getByRole('link', { name: 'Open YouTube' })).toHaveAttribute('href', 'https://www.youtube.com/');
    await userEvent.type(within(panel).getByLabelText('Post URL (optional)'), 'https://www.youtube.com/post/Ug1');
    await userEvent.click(within(panel).getByRole('button', { name: 'Mark as posted' }));

    const outcome = await within(item).findByText('Published by hand');
    expect(outcome.closest('p')).toHaveTextContent('you posted it yourself; nothing was sent by us');
    expect(within(item).getByRole('link', { name: 'https://www.youtube.com/post/Ug1' })).toBeInTheDocument();
    const marked = calls.filter((call) => call.method === 'POST' && call.path === '/api/cp/deliverables/del-yt/execute');
    expect(marked[0].body).toEqual({
      approval_id: 'appr-yt',
      action: 'publish',
      manual: { posted_url: 'https://www.youtube.com/post/Ug1' },
    });
  });

  it('hands over no post that is already published', async () => {
    openReviewTab([
      {
        ...approvedYouTubePost,
        state: 'executed',
        last_execution: {
          correlation_id: 'corr-yt',
          status: 'executed',
          result: { status: 'executed_manually', external_id: 'https://www.youtube.com/post/Ug1' },
        },
      },
    ]);
    const item = await draftItem('Clinic tour');

    expect(within(item).getByText('Published by hand')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Mark as posted', hidden: true })).not.toBeInTheDocument();
  });

  it('shows enforcement refusing to mark an unapproved post as posted', async () => {
    openReviewTab([{ ...approvedYouTubePost, approval: null, state: 'pending_review' }], {
      'POST /api/cp/deliverables/del-yt/execute': problem(403, {
        title: 'Execution denied',
        reason: 'approval_missing',
        correlation_id: 'corr-no',
      }),
    });
    const item = await draftItem('Clinic tour');

    await userEvent.click(within(item).getByRole('button', { name: 'Mark as posted' }));

    const denial = await within(item).findByRole('alert');
    expect(denial).toHaveTextContent('approval_missing');
    expect(denial).toHaveTextContent('Correlation id corr-no');
  });

  it('offers Execute for a connected platform with publishing by hand folded away, and prefills the composer', async () => {
    openReviewTab([linkedInPost, instagramWithoutImage]);
    const linkedIn = await draftItem('Flu shots');
    const instagram = await draftItem('Smiles');

    expect(within(linkedIn).getByRole('button', { name: /^Publish/ })).toBeInTheDocument();
    expect(within(linkedIn).getByText('Publish on LinkedIn by hand instead')).toBeInTheDocument();
    expect(within(linkedIn).getByRole('link', { name: 'Open LinkedIn', hidden: true })).toHaveAttribute(
      'href',
      'https://www.linkedin.com/feed/?shareActive=true&text=Flu%20shots%20this%20week',
    );
    // Instagram takes no post without an image: by hand only
    expect(within(instagram).queryByRole('button', { name: 'Execute' })).not.toBeInTheDocument();
    expect(within(instagram).getByRole('region', { name: 'Publish on Instagram by hand' })).toBeInTheDocument();
  });
});
