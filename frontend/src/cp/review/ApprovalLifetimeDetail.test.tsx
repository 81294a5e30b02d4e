import { describe, expect, it } from 'vitest';
import { instance, summaryOf } from '../../test/cpFixtures';
import { json } from '../../test/http';
import { approvedPost, draftPanel, openReviewTab, validApproval } from '../../test/reviewFixtures';

// Approved on 1 Jan 2030 for 72 hours.
const approved = approvedPost({
  approval: { ...validApproval('appr-1'), decided_at: '2030-01-01T10:00:00Z', expires_at: '2030-01-04T10:00:00Z' },
});

describe('Review detail: the approval lifetime', () => {
  it('shows how long the approval is valid and until when, in the agent\'s timezone', async () => {
    openReviewTab([approved], {
      'GET /api/cp/my-agents/summary': json(200, summaryOf(instance({ timezone: 'Asia/Kolkata', approval_ttl_hours: 72 }))),
    });

    const panel = await draftPanel('Flu season reminder', 'Details');
    expect(panel).toHaveTextContent('Approval valid for 72 hours — until Fri, 4 Jan 2030, 15:30 (Asia/Kolkata)');
  });
});
