import { formatDate, humanize } from '../../shared/format';
import type { Deliverable, ExecutionResultRecord } from '../cpApi';

// Reading a deliverable for people. Payloads come from the skills that drafted them, so every
// field is optional here and a few spellings are accepted (the contract's and the drafter's).

export const REVIEW_STATES = ['draft', 'pending_review', 'approved', 'rejected', 'scheduled', 'executed', 'failed'];

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
export function slotOf(deliverable: Deliverable): { label: string; sortKey: string } | undefined {
  const payload = payloadOf(deliverable);
  const slot = payload.scheduled_slot ?? payload.suggested_slot;
  if (typeof slot === 'string' && slot) {
    return { label: slot.includes('T') ? formatDateTime(slot) : slot, sortKey: slot };
  }
  if (slot && typeof slot === 'object') {
    const { local, timezone, at } = slot as Record<string, unknown>;
    const label = text(local) ? `${String(local).replace('T', ' ')}${text(timezone) ? ` (${timezone})` : ''}` : text(at) && formatDateTime(String(at));
    if (label) {
      return { label, sortKey: text(at) ?? String(local) };
    }
  }
  const when = deliverable.scheduled_for ?? deliverable.suggested_for;
  return when ? { label: formatDateTime(when), sortKey: when } : undefined;
}

export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : new Date(time).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
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
    platformOf(deliverable),
    orderSummaryOf(deliverable),
    week !== undefined ? `week ${week}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : deliverable.deliverable_id;
}

export function factsOf(deliverable: Deliverable, goalName?: string): string[] {
  const actions = deliverable.proposed_actions ?? [];
  const slot = slotOf(deliverable);
  return [
    goalName ? `Goal: ${goalName}` : deliverable.goal_template_id && `Goal ${deliverable.goal_template_id}`,
    deliverable.created_at && `created ${formatDate(deliverable.created_at)}`,
    slot && `for ${slot.label}`,
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
