import { formatDate, formatDateTime, humanize } from '../../shared/format';
import { platformName } from '../../shared/platforms';
import type { Deliverable, ExecutionResultRecord } from '../cpApi';

export { formatDateTime };

// Reading a deliverable for people. Payloads come from the skills that drafted them, so every
// field is optional here and a few spellings are accepted (the contract's and the drafter's).

export const REVIEW_STATES = ['draft', 'pending_review', 'approved', 'rejected', 'scheduled', 'executed', 'dry_run', 'failed'];

/** A draft's state in the customer's words (the filter and the badges). */
export function stateLabel(state: string, deliverable?: Deliverable): string {
  const isOrder = deliverable ? orderSummaryOf(deliverable) !== undefined && postTextOf(deliverable) === undefined : false;
  const words: Record<string, string> = {
    draft: 'Draft',
    pending_review: 'Waiting for review',
    approved: 'Approved',
    rejected: 'Rejected',
    scheduled: 'Scheduled',
    executed: isOrder ? 'Order placed' : 'Published',
    dry_run: 'Dry run — nothing was sent',
    failed: 'Failed',
    superseded: 'Superseded — written again',
  };
  return words[state] ?? humanize(state).replace(/^./, (first) => first.toUpperCase());
}

/**
 * The state to show: older backends mark a dry run "executed" with a dry_run result; the
 * customer must see that nothing was sent.
 */
export function effectiveState(deliverable: Deliverable): string {
  if (deliverable.state === 'executed' && deliverable.last_execution?.result?.status === 'dry_run') {
    return 'dry_run';
  }
  return deliverable.state;
}

/** The approval an Execute may use now: approved, not voided, not expired. */
export function usableApproval(deliverable: Deliverable, now: number = Date.now()) {
  const approval = deliverable.approval;
  if (!approval || approval.verdict !== 'approved') {
    return undefined;
  }
  if (approval.expires_at && Date.parse(approval.expires_at) <= now) {
    return undefined;
  }
  return approval;
}

export function approvalExpired(deliverable: Deliverable, now: number = Date.now()): boolean {
  const approval = deliverable.approval;
  return Boolean(
    approval && approval.verdict === 'approved' && approval.expires_at && Date.parse(approval.expires_at) <= now,
  );
}

/** What the customer can do to carry the draft out now. */
export type ExecuteOffer = 'execute' | 'publish_for_real' | 'retry' | null;

export function executeOffer(deliverable: Deliverable, plan: string | undefined, now: number = Date.now()): ExecuteOffer {
  if ((deliverable.proposed_actions?.length ?? 1) === 0) {
    return null;
  }
  const state = effectiveState(deliverable);
  if (state === 'dry_run') {
    return plan === 'paid' ? 'publish_for_real' : null;
  }
  if (state === 'failed') {
    return deliverable.retryable ? 'retry' : null;
  }
  // denied for a reason the customer can fix (budget, trial cap, an expired approval): a fresh approval, then again
  if (state === 'approved' && deliverable.retryable && deliverable.last_execution?.status === 'denied') {
    return 'retry';
  }
  if (state === 'approved' && usableApproval(deliverable, now)) {
    return 'execute';
  }
  return null;
}

/**
 * A trading plan's own verdict on its risk checks: anything but ready means it must not be
 * approved (Plant refuses too). Undefined for drafts that are not trading plans.
 */
export function planBlockedReason(deliverable: Deliverable): string | undefined {
  const status = payloadOf(deliverable).plan_status;
  if (typeof status !== 'string' || status === 'ready_for_approval' || status === 'ready') {
    return undefined;
  }
  const failed = riskChecksOf(deliverable).filter((check) => check.outcome === 'failed');
  const list = failed.map((check) => (check.detail ? `${humanize(check.check)} (${check.detail})` : humanize(check.check)));
  return `This plan failed its risk checks${list.length ? `: ${list.join('; ')}` : ''}. Change the goal's settings to stay within your limits and run it again.`;
}

type Payload = Record<string, unknown>;

function payloadOf(deliverable: Deliverable): Payload {
  return deliverable.payload ?? {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function platformOf(deliverable: Deliverable): string | undefined {
  return text(payloadOf(deliverable).platform);
}

export function postTextOf(deliverable: Deliverable): string | undefined {
  return text(payloadOf(deliverable).text);
}

export function hashtagsOf(deliverable: Deliverable): string[] {
  const tags = payloadOf(deliverable).hashtags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

export function charLimitOf(deliverable: Deliverable): number | undefined {
  const payload = payloadOf(deliverable);
  return count(payload.char_limit) ?? count(payload.character_limit);
}

/** The post's length as its platform counts it when the drafter says, else in code points. */
export function charCountOf(deliverable: Deliverable): number {
  const counted = count(payloadOf(deliverable).length);
  return counted ?? [...(postTextOf(deliverable) ?? '')].length;
}

/** Week of a campaign pack the draft belongs to (1-based), if it belongs to one. */
export function weekOf(deliverable: Deliverable): number | undefined {
  const payload = payloadOf(deliverable);
  return count(payload.week) ?? count(payload.campaign_week);
}

/** When the draft is meant to go out: a slot the drafter suggested, or the review's schedule. */
export function slotOf(deliverable: Deliverable, timeZone?: string | null): { label: string; sortKey: string } | undefined {
  if (deliverable.scheduled_for) {
    return { label: formatDateTime(deliverable.scheduled_for, timeZone), sortKey: new Date(deliverable.scheduled_for).toISOString() };
  }
  const payload = payloadOf(deliverable);
  const slot = payload.scheduled_slot ?? payload.suggested_slot;
  if (typeof slot === 'string' && slot) {
    const instant = slot.includes('T') && !Number.isNaN(Date.parse(slot));
    return instant
      ? { label: formatDateTime(slot, timeZone), sortKey: new Date(slot).toISOString() }
      : { label: slot, sortKey: slot };
  }
  if (slot && typeof slot === 'object') {
    const { local, timezone, at } = slot as Record<string, unknown>;
    if (text(at) && !Number.isNaN(Date.parse(String(at)))) {
      return { label: formatDateTime(String(at), text(timezone) ?? timeZone), sortKey: new Date(String(at)).toISOString() };
    }
    if (text(local)) {
      return { label: `${String(local).replace('T', ' ')}${text(timezone) ? ` (${timezone})` : ''}`, sortKey: String(local) };
    }
  }
  const when = deliverable.suggested_for;
  return when ? { label: formatDateTime(when, timeZone), sortKey: new Date(when).toISOString() } : undefined;
}

/** When the drafter suggests it go out, as an instant (for approve-for-slot). */
export function suggestedInstantOf(deliverable: Deliverable): string | undefined {
  const payload = payloadOf(deliverable);
  const slot = payload.scheduled_slot ?? payload.suggested_slot;
  if (typeof slot === 'string' && slot.includes('T') && !Number.isNaN(Date.parse(slot))) {
    return new Date(slot).toISOString();
  }
  if (slot && typeof slot === 'object') {
    const at = (slot as Record<string, unknown>).at;
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) {
      return new Date(at).toISOString();
    }
  }
  const when = deliverable.suggested_for;
  return when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : undefined;
}

/** Drafts in the order they go out: by slot, then by when they were made. */
export function bySlot(left: Deliverable, right: Deliverable): number {
  const leftKey = slotOf(left)?.sortKey;
  const rightKey = slotOf(right)?.sortKey;
  if (leftKey && rightKey && leftKey !== rightKey) {
    return leftKey.localeCompare(rightKey);
  }
  if (leftKey && !rightKey) {
    return -1;
  }
  if (!leftKey && rightKey) {
    return 1;
  }
  return (left.created_at ?? '').localeCompare(right.created_at ?? '');
}

export interface OrderView {
  symbol: string;
  side?: string;
  size?: number | string;
  limitPrice?: number | string;
  notional?: number;
  currency?: string;
}

/** The order a trading draft proposes, with its notional when it can be known. */
export function orderOf(deliverable: Deliverable): OrderView | undefined {
  const payload = payloadOf(deliverable);
  const order = (payload.order && typeof payload.order === 'object' ? payload.order : payload) as Payload;
  const symbol = text(order.product_symbol) ?? text(order.symbol) ?? text(payload.coin);
  if (!symbol) {
    return undefined;
  }
  const size = typeof order.size === 'number' || typeof order.size === 'string' ? order.size : undefined;
  const limit =
    typeof order.limit_price === 'number' || typeof order.limit_price === 'string' ? order.limit_price : undefined;
  const stated = count(order.notional) ?? count(payload.notional) ?? count(payload.notional_inr);
  const computed = size !== undefined && limit !== undefined ? Number(size) * Number(limit) : undefined;
  return {
    symbol,
    side: text(order.side),
    size,
    limitPrice: limit,
    notional: stated ?? (computed !== undefined && Number.isFinite(computed) ? computed : undefined),
    currency: text(order.currency) ?? text(payload.currency) ?? (payload.notional_inr !== undefined ? 'INR' : undefined),
  };
}

/** "buy 2 BTCUSD (limit 65000)" for trade intents and close proposals. */
export function orderSummaryOf(deliverable: Deliverable): string | undefined {
  const payload = payloadOf(deliverable);
  const order = (payload.order && typeof payload.order === 'object' ? payload.order : payload) as Payload;
  const symbol = text(order.product_symbol) ?? text(payload.coin);
  if (!symbol) {
    return undefined;
  }
  const price = order.limit_price !== undefined && order.limit_price !== null ? ` (limit ${String(order.limit_price)})` : '';
  return [text(order.side), order.size !== undefined && order.size !== null ? String(order.size) : undefined, symbol]
    .filter(Boolean)
    .join(' ')
    .concat(price);
}

export interface RiskCheckView {
  check: string;
  outcome: 'passed' | 'failed' | 'skipped';
  detail?: string;
}

export function riskChecksOf(deliverable: Deliverable): RiskCheckView[] {
  const checks = payloadOf(deliverable).risk_checks;
  if (!Array.isArray(checks)) {
    return [];
  }
  return checks
    .filter((check): check is Payload => Boolean(check) && typeof check === 'object')
    .map((check) => {
      const result = typeof check.passed === 'boolean' ? (check.passed ? 'pass' : 'fail') : String(check.result ?? '');
      return {
        check: String(check.check ?? 'check'),
        outcome: result === 'pass' || result === 'passed' ? 'passed' : result === 'skipped' ? 'skipped' : 'failed',
        detail: text(check.detail),
      };
    });
}

export function titleOf(deliverable: Deliverable): string {
  if (deliverable.title) {
    return deliverable.title;
  }
  const week = weekOf(deliverable);
  const parts = [
    deliverable.kind ? humanize(deliverable.kind) : undefined,
    platformName(platformOf(deliverable)) || undefined,
    orderSummaryOf(deliverable),
    week !== undefined ? `week ${week}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Draft';
}

export function factsOf(deliverable: Deliverable, goalName?: string): string[] {
  const actions = deliverable.proposed_actions ?? [];
  const slot = slotOf(deliverable);
  return [
    goalName ? `Goal: ${goalName}` : deliverable.goal_template_id && `Goal: ${humanize(deliverable.goal_template_id)}`,
    deliverable.created_at && `drafted ${formatDate(deliverable.created_at)}`,
    slot && (deliverable.state === 'scheduled' ? `scheduled for ${slot.label}` : `for ${slot.label}`),
    actions.length > 0 && `proposes ${actions.map(humanize).join(', ')}`,
  ].filter((fact): fact is string => Boolean(fact));
}

/** The approval an Execute should carry: whatever Plant recorded for this draft. */
export function approvalIdOf(deliverable: Deliverable): string | undefined {
  if (deliverable.approval && deliverable.approval.verdict !== 'voided') {
    return deliverable.approval.approval_id;
  }
  return deliverable.approval_id ?? undefined;
}

export function isReviewable(deliverable: Deliverable): boolean {
  return deliverable.state === 'pending_review' || deliverable.state === 'draft';
}

/** The connector's answer to the execution with this correlation id, once it is on the draft. */
export function resultFor(deliverable: Deliverable, correlationId: string): ExecutionResultRecord | undefined {
  const last = deliverable.last_execution;
  if (last && last.correlation_id === correlationId) {
    if (last.result) {
      return last.result;
    }
    if (last.status === 'executed' || last.status === 'failed') {
      return { status: last.status, detail: last.reason ?? undefined };
    }
  }
  if (!last && (deliverable.state === 'executed' || deliverable.state === 'failed')) {
    return { status: deliverable.state };
  }
  return undefined;
}
