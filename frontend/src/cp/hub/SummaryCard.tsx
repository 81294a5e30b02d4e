import type { AgentInstanceSummary } from '../cpApi';
import { agentTypeName, subscriptionLabel, trialDaysLeft } from './instanceStatus';
import { Fact } from '../../shared/Fact';

function trialText(instance: AgentInstanceSummary): string {
  if (instance.trial_status === 'not_eligible') {
    return 'Already used';
  }
  const days = trialDaysLeft(instance);
  if (days === null) {
    return instance.trial_status === 'not_started' || instance.trial_status === 'pending' ? 'Starts when finalized' : 'No trial';
  }
  if (days === 0) {
    return 'Trial ended';
  }
  return days === 1 ? '1 day left' : `${days} days left`;
}

/** How many goals the agent has; goals_completed says whether goal setting is done. */
function goalsText(instance: AgentInstanceSummary): string {
  if (typeof instance.goals_completed === 'number') {
    return String(instance.goals_completed);
  }
  const count = instance.goals_count ?? 0;
  return count === 0 ? 'None yet' : String(count);
}

export function SummaryCard({ instance, typeNames }: { instance: AgentInstanceSummary; typeNames?: Record<string, string> }) {
  const headingId = `summary-${instance.hired_instance_id}`;
  return (
    <section className="card summary-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{instance.nickname}</h2>
      <p className="muted">
        {agentTypeName(instance, typeNames)} · {subscriptionLabel(instance)}
      </p>
      <dl className="facts">
        <Fact name="Trial">{trialText(instance)}</Fact>
        <Fact name="Configured">{instance.configured ? 'Yes' : 'Not yet'}</Fact>
        <Fact name="Goals">{goalsText(instance)}</Fact>
        <Fact name="Drafts pending review">{instance.drafts_pending_review}</Fact>
      </dl>
    </section>
  );
}
