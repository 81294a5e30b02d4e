import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { formatMoney, humanize } from '../../shared/format';
import { usePageTitle } from '../../shared/usePageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { templateName } from '../agentType/GoalEditor';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentTypeDefinition, EnforcementDefaults } from '../cpApi';

function minor(amount: number, currency = 'INR'): string {
  return formatMoney(amount, currency);
}

/** What the agent costs once the trial is over: prices per action and the monthly ceiling. */
function priceAfterTrial(defaults: EnforcementDefaults | undefined): string {
  if (!defaults) {
    return 'After the trial, you choose a monthly budget to keep it working.';
  }
  const costs = Object.entries(defaults.action_costs_minor ?? {});
  const prices = costs.map(([action, cost]) => `${humanize(action)} ${minor(cost, defaults.currency)}`).join(', ');
  const budget =
    defaults.budget_minor_per_month !== undefined
      ? ` You choose a monthly budget of up to ${minor(defaults.budget_minor_per_month, defaults.currency)}; it never spends more.`
      : '';
  return `After the trial you pay per action${prices ? ` (${prices})` : ''}.${budget} Nothing is charged unless you subscribe.`;
}

function trialTerms(defaults: EnforcementDefaults | undefined): string[] {
  if (!defaults) {
    return [];
  }
  const caps = defaults.trial_caps ?? {};
  return [
    defaults.trial_days !== undefined && `${defaults.trial_days}-day trial`,
    caps.goal_runs_per_day !== undefined && `up to ${caps.goal_runs_per_day} goal runs a day`,
    caps.actions_per_day !== undefined && `up to ${caps.actions_per_day} actions a day`,
    caps.cost_minor_per_day !== undefined &&
      caps.cost_minor_per_day > 0 &&
      `up to ${minor(caps.cost_minor_per_day, defaults.currency)} of usage a day`,
    (defaults.trial_dry_run_actions ?? []).length > 0 &&
      `during the trial, ${defaults.trial_dry_run_actions!.map(humanize).join(', ')} ${
        defaults.trial_dry_run_actions!.length === 1 ? 'is a' : 'are'
      } dry run only (recorded, never sent)`,
    defaults.approval_required !== false && 'nothing goes out without your approval',
    defaults.budget_minor_per_month !== undefined &&
      `budget ${minor(defaults.budget_minor_per_month, defaults.currency)} a month`,
  ].filter((term): term is string => Boolean(term));
}

/** The catalog of published agent types; hiring one opens it on Configure in the hub. */
export function HirePage() {
  usePageTitle('Hire an agent');
  const catalog = useQuery({ queryKey: cpQueryKeys.agentTypes, queryFn: cpApi.agentTypes, staleTime: 60_000 });
  return (
    <div className="hire">
      <p>
        <Link to="/">← Back to My Agents</Link>
      </p>
      <h1>Hire an agent</h1>
      <p className="muted">Each agent starts with a trial. You configure it and give it goals before it does any work.</p>
      {catalog.isPending ? (
        <Loading label="Loading the agents you can hire" />
      ) : catalog.isError ? (
        <ProblemAlert error={catalog.error} onRetry={() => catalog.refetch()} />
      ) : (catalog.data.agent_types ?? []).length === 0 ? (
        <EmptyState title="No agents can be hired right now." />
      ) : (
        <ul className="plain-list catalog">
          {catalog.data.agent_types.map((definition) => (
            <CatalogEntry key={definition.agent_type_id} definition={definition} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CatalogEntry({ definition }: { definition: AgentTypeDefinition }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingId = `catalog-${definition.agent_type_id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const hire = useMutation({
    mutationFn: async () => {
      const subscription = await cpApi.hire(definition.agent_type_id);
      return (
        subscription.hired_instance_id ??
        (await cpApi.hiredAgentBySubscription(subscription.subscription_id)).hired_instance_id
      );
    },
    onSuccess: async (hiredInstanceId) => {
      await queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
      navigate(`/?agent=${encodeURIComponent(hiredInstanceId)}&tab=configure`);
    },
  });
  const terms = trialTerms(definition.enforcement_defaults);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="card catalog-entry" aria-labelledby={headingId}>
      <h2 id={headingId}>{definition.display_name}</h2>
      {definition.description && <p>{definition.description}</p>}
      {definition.goal_templates.length > 0 && (
        <>
          <h3>Goals it can work on</h3>
          <ul>
            {definition.goal_templates.map((template) => (
              <li key={template.goal_template_id}>
                <strong>{templateName(template)}</strong>
                {template.description && <> — {template.description}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {terms.length > 0 && (
        <>
          <h3>Trial terms</h3>
          <ul>
            {terms.map((term) => (
              <li key={term}>{term}</li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        <button type="button" disabled={hire.isPending} onClick={() => setConfirming(true)}>
          {hire.isPending ? 'Hiring…' : `Hire ${definition.display_name}`}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Hire ${definition.display_name}?`}
          confirmLabel="Hire and start configuring"
          busy={hire.isPending}
          onConfirm={() => {
            setConfirming(false);
            hire.mutate();
          }}
          onCancel={() => setConfirming(false)}
        >
          {terms.length > 0 && (
            <>
              <p>The free trial:</p>
              <ul>
                {terms.map((term) => (
                  <li key={term}>{term}</li>
                ))}
              </ul>
            </>
          )}
          <p>The trial starts when you finalize the agent, after configuring it and giving it a goal.</p>
          <p>{priceAfterTrial(definition.enforcement_defaults)}</p>
        </ConfirmDialog>
      )}
      {hire.isError && <ProblemAlert error={hire.error} />}
    </li>
  );
}
