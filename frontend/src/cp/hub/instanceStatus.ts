import { humanize } from '../../shared/format';
import type { AgentInstanceSummary } from '../cpApi';

const DAY_MS = 24 * 60 * 60 * 1000;

export function subscriptionLabel(instance: AgentInstanceSummary): string {
  const subscription = humanize(instance.subscription_status);
  return instance.trial_status ? `${subscription}, trial ${humanize(instance.trial_status)}` : subscription;
}

/** The selector's option text: nickname — agent type — subscription/trial status. */
export function instanceLabel(instance: AgentInstanceSummary): string {
  return `${instance.nickname} — ${instance.agent_type_id} — ${subscriptionLabel(instance)}`;
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
