import type { AgentInstanceSummary } from '../cpApi';
import { agentTypeName, subscriptionLabel, trialDaysLeft } from './instanceStatus';

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
        <div>
          <dt>Trial</dt>
          <dd>{trialText(instance)}</dd>
        </div>
        <div>
          <dt>Configured</dt>
          <dd>{instance.configured ? 'Yes' : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Goals</dt>
          <dd>{goalsText(instance)}</dd>
        </div>
        <div>
          <dt>Drafts pending review</dt>
          <dd>{instance.drafts_pending_review}</dd>
        </div>
      </dl>
    </section>
  );
}
