import { humanize } from '../../shared/format';
import type { AgentInstanceSummary } from '../cpApi';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the instance stands, as a customer would say it: "On free trial, 5 days left". */
export function subscriptionLabel(instance: AgentInstanceSummary, now: number = Date.now()): string {
  if (instance.subscription_status === 'cancelled') {
    return 'Cancelled';
  }
  if (instance.plan === 'paid') {
    return 'Paid plan';
  }
  switch (instance.trial_status) {
    case 'active': {
      const days = trialDaysLeft(instance, now);
      return days === null ? 'On free trial' : `On free trial, ${days === 1 ? '1 day' : `${days} days`} left`;
    }
    case 'not_started':
    case 'pending':
      return 'Trial starts when you finalize';
    case 'ended':
    case 'expired':
      return 'Trial ended';
    case 'not_eligible':
      return 'Needs a subscription';
    default:
      break;
  }
  switch (instance.subscription_status) {
    case 'active':
      return 'Active';
    case 'ended':
    case 'expired':
      return 'Ended';
    default:
      return humanize(instance.subscription_status ?? '');
  }
}

/** The agent type's name for people: the backend's display name, a known one, or the id made readable. */
export function agentTypeName(instance: AgentInstanceSummary, names?: Record<string, string>): string {
  return instance.agent_type_display_name ?? names?.[instance.agent_type_id] ?? humanize(instance.agent_type_id);
}

/** The selector's option text: nickname — agent type's name — where it stands. */
export function instanceLabel(instance: AgentInstanceSummary, names?: Record<string, string>): string {
  return `${instance.nickname} — ${agentTypeName(instance, names)} — ${subscriptionLabel(instance)}`;
}

/** Whole days left in the trial (rounded up), 0 once it ended, null when there is no trial. */
export function trialDaysLeft(instance: AgentInstanceSummary, now: number = Date.now()): number | null {
  if (!instance.trial_end_at) {
    return null;
  }
  const end = Date.parse(instance.trial_end_at);
  if (Number.isNaN(end)) {
    return null;
  }
  return Math.max(0, Math.ceil((end - now) / DAY_MS));
}

/**
 * An ended subscription keeps its data until retention_until; after that the hub offers no
 * Configure / Goal Setting / Review. The backend sets retention_until only for ended ones.
 */
export function isBeyondRetention(instance: AgentInstanceSummary, now: number = Date.now()): boolean {
  if (!instance.retention_until) {
    return false;
  }
  const until = Date.parse(instance.retention_until);
  return !Number.isNaN(until) && until < now;
}
