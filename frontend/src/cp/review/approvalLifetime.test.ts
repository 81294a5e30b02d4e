import { describe, expect, it } from 'vitest';
import { approvalLifetimeHours, approvalLifetimeText, approvalValidity } from './approvalLifetime';

describe('approval lifetime', () => {
  it('is the time between the decision and the expiry, in hours', () => {
    expect(approvalLifetimeHours({ decided_at: '2026-12-03T10:00:00Z', expires_at: '2026-12-06T10:00:00Z' })).toBe(72);
    expect(approvalLifetimeHours({ decided_at: '2026-12-03T10:00:00Z', expires_at: '2026-12-03T11:00:00Z' })).toBe(1);
    expect(approvalLifetimeHours({ decided_at: null, expires_at: '2026-12-03T11:00:00Z' })).toBeUndefined();
  });

  it('says how long and until when, in the agent\'s timezone', () => {
    expect(approvalValidity({ decided_at: '2026-12-03T10:00:00Z', expires_at: '2026-12-06T10:00:00Z' }, 'Asia/Kolkata')).toBe(
      'Approval valid for 72 hours — until Sun, 6 Dec 2026, 15:30 (Asia/Kolkata)',
    );
    expect(approvalLifetimeText(1)).toBe('Approval valid for 1 hour');
  });

  it('says only until when when the decision time is unknown', () => {
    expect(approvalValidity({ expires_at: '2026-12-06T10:00:00Z' }, 'UTC')).toBe('Approval valid until Sun, 6 Dec 2026, 10:00 (UTC)');
    expect(approvalValidity({ decided_at: '2026-12-03T10:00:00Z', expires_at: null })).toBeUndefined();
  });
});
