import { formatDateTime } from '../../shared/format';
import type { Approval } from '../cpApi';

const HOUR_MS = 60 * 60 * 1000;

// How long an approval lasts comes from the agent type's definition (approval_ttl_hours: trading
// 1 h, marketing 72 h); Plant stamps it on each approval as expires_at.

/** "Approval valid for 72 hours" (or "for 1 hour"). */
export function approvalLifetimeText(hours: number): string {
  return `Approval valid for ${hours === 1 ? '1 hour' : `${hours} hours`}`;
}

/** The lifetime this approval was given, in whole hours; undefined when its times are unknown. */
export function approvalLifetimeHours(approval: Pick<Approval, 'decided_at' | 'expires_at'>): number | undefined {
  if (!approval.decided_at || !approval.expires_at) {
    return undefined;
  }
  const lifetime = Date.parse(approval.expires_at) - Date.parse(approval.decided_at);
  return Number.isFinite(lifetime) && lifetime > 0 ? Math.round(lifetime / HOUR_MS) : undefined;
}

/**
 * "Approval valid for 72 hours — until Sun, 6 Dec 2026, 10:30 (Asia/Kolkata)", the end in the agent's timezone; an
 * approval whose decision time is unknown says only until when.
 */
export function approvalValidity(approval: Pick<Approval, 'decided_at' | 'expires_at'>, timeZone?: string | null): string | undefined {
  if (!approval.expires_at) {
    return undefined;
  }
  const until = formatDateTime(approval.expires_at, timeZone) + (timeZone ? ` (${timeZone.replace(/_/g, ' ')})` : '');
  const hours = approvalLifetimeHours(approval);
  return hours !== undefined ? `${approvalLifetimeText(hours)} — until ${until}` : `Approval valid until ${until}`;
}
