import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { isApiProblem } from '../../shared/api';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { formatDateTime, humanize } from '../../shared/format';
import { Details, ProblemAlert } from '../../shared/ProblemAlert';
import { reasonText } from '../../shared/reasons';
import { NextStepAction } from '../NextStep';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, AgentTypeDefinition, Goal, GoalRun, GoalTemplate } from '../cpApi';
import { layoutFields } from '../schemaForm/fields';
import { periodOfFrequency, samePeriod } from '../review/calendarDates';
import { allowedFrequencies, GoalEditor, templateName } from './GoalEditor';
import { useAgentType, useHiredAgent } from './useAgentType';

const RUN_POLL_MS = 2000;
/** A run still unfinished after this long is left to the goal's last-run line (no endless polling). */
const RUN_POLL_LIMIT_MS = 5 * 60_000;

type Editing = { mode: 'new'; template: GoalTemplate } | { mode: 'edit'; goal: Goal } | null;

/** The Goal Setting tab: the agent's goals (add, edit, enable, delete, run now) from its templates. */
export function GoalSettingTab({ instance }: { instance: AgentInstanceSummary }) {
  const definition = useAgentType(instance);
  const hired = useHiredAgent(instance.hired_instance_id);
  // The run the customer just asked for: polled for by its id until its outcome shows (waiting for
  // "no run is triggered" stopped at once, before the list had even caught up with the new run).
  const [awaitedRunId, setAwaitedRunId] = useState<string | null>(null);
  const goals = useQuery({
    queryKey: cpQueryKeys.goals(instance.hired_instance_id),
    queryFn: () => cpApi.goals(instance.hired_instance_id),
    refetchInterval: awaitedRunId ? RUN_POLL_MS : false,
  });
  const awaitedRunDone = (goals.data?.goals ?? []).some(
    (goal) => goal.last_run?.run_id === awaitedRunId && goal.last_run?.status !== 'triggered',
  );
  useEffect(() => {
    if (awaitedRunId && awaitedRunDone) {
      setAwaitedRunId(null);
    }
  }, [awaitedRunId, awaitedRunDone]);
  useEffect(() => {
    if (!awaitedRunId) {
      return undefined;
    }
    const timer = setTimeout(() => setAwaitedRunId(null), RUN_POLL_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [awaitedRunId]);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (definition.isPending || goals.isPending || hired.isPending) {
    return <Loading label="Loading the agent's goals" />;
  }
  for (const query of [definition, goals, hired]) {
    if (query.isError) {
      return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
    }
  }
  const templates = definition.data!.goal_templates ?? [];
  if (templates.length === 0) {
    return <EmptyState title={`${definition.data!.display_name} offers no goals yet.`} />;
  }
  const config = hired.data!.config ?? {};
  const templateOf = (goal: Goal) => templates.find((template) => template.goal_template_id === goal.goal_template_id);
  const readOnly = Boolean(hired.data!.read_only ?? instance.read_only);
  const items = goals.data!.goals ?? [];

  function done(message: string) {
    setEditing(null);
    setNotice(message);
  }

  return (
    <div className="goals">
      <section aria-labelledby="goals-heading">
        <h3 id="goals-heading">Goals of {instance.nickname}</h3>
        {readOnly && (
          <p className="alert alert-info read-only-note">
            Run now is off: this subscription has ended, so nothing runs any more. Its goals can be viewed, not changed.
          </p>
        )}
        {notice && (
          <p role="status" className="alert alert-success">
            {notice}
          </p>
        )}
        {items.length === 0 ? (
          <EmptyState title="No goals yet.">
            <p className="muted">Add one below: the agent drafts work for every enabled goal on its schedule.</p>
          </EmptyState>
        ) : (
          <ul className="plain-list">
            {items.map((goal) => {
              const template = templateOf(goal);
              return editing?.mode === 'edit' && editing.goal.goal_instance_id === goal.goal_instance_id && template ? (
                <li key={goal.goal_instance_id}>
                  <GoalEditor
                    hiredInstanceId={instance.hired_instance_id}
                    template={template}
                    goal={goal}
                    config={config}
                    onDone={() => done(`Saved ${templateName(template)}.`)}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <GoalCard
                  key={goal.goal_instance_id}
                  onRunRequested={setAwaitedRunId}
                  agentTimezone={typeof config.timezone === 'string' ? config.timezone : undefined}
                  hiredInstanceId={instance.hired_instance_id}
                  goal={goal}
                  template={template}
                  readOnly={readOnly}
                  onEdit={template ? () => setEditing({ mode: 'edit', goal }) : undefined}
                />
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="templates-heading">
        <h3 id="templates-heading">Add a goal</h3>
        {editing?.mode === 'new' ? (
          <GoalEditor
            hiredInstanceId={instance.hired_instance_id}
            template={editing.template}
            config={config}
            onDone={() => done(`Added ${templateName(editing.template)}.`)}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <TemplateList
            definition={definition.data!}
            disabled={readOnly}
            onAdd={(template) => {
              setNotice(null);
              setEditing({ mode: 'new', template });
            }}
          />
        )}
      </section>
    </div>
  );
}

function TemplateList({
  definition,
  disabled,
  onAdd,
}: {
  definition: AgentTypeDefinition;
  disabled: boolean;
  onAdd: (template: GoalTemplate) => void;
}) {
  return (
    <ul className="plain-list templates">
      {definition.goal_templates.map((template) => {
        const headingId = `template-${template.goal_template_id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        return (
          <li key={template.goal_template_id} className="card" aria-labelledby={headingId}>
            <h4 id={headingId}>{templateName(template)}</h4>
            {template.description && <p>{template.description}</p>}
            <p className="muted">
              {allowedFrequencies(template).map(humanize).join(' or ')}
              {template.needs_time_window ? ' · at a time you choose' : ''}
            </p>
            <button type="button" disabled={disabled} onClick={() => onAdd(template)}>
              Add {templateName(template)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function formatSetting(value: unknown, labels: Record<string, string> | undefined): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((item) => labels?.[String(item)] ?? String(item)).join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (value && typeof value === 'object') {
    return JSON.stringify(value);
  }
  return labels?.[String(value)] ?? String(value);
}

function GoalCard({
  hiredInstanceId,
  goal,
  template,
  readOnly,
  onEdit,
  onRunRequested,
  agentTimezone,
}: {
  onRunRequested: (runId: string) => void;
  agentTimezone?: string;
  hiredInstanceId: string;
  goal: Goal;
  template: GoalTemplate | undefined;
  readOnly: boolean;
  onEdit?: () => void;
}) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const name = templateName(template, goal.goal_template_id);
  const settingFields = useMemo(
    () => (template?.settings_schema ? layoutFields(template.settings_schema, template.ui_hints) : []),
    [template],
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.goals(hiredInstanceId) });
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
  };
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      cpApi.saveGoal(hiredInstanceId, {
        goal_instance_id: goal.goal_instance_id,
        goal_template_id: goal.goal_template_id,
        frequency: goal.frequency,
        ...(goal.time_of_day ? { time_of_day: goal.time_of_day } : {}),
        settings: goal.settings ?? {},
        enabled,
      }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => cpApi.deleteGoal(hiredInstanceId, goal.goal_instance_id),
    onSuccess: refresh,
  });
  const [confirmingRun, setConfirmingRun] = useState(false);
  const run = useMutation({
    mutationFn: () => cpApi.runGoal(hiredInstanceId, goal.goal_instance_id),
    onSuccess: (accepted) => {
      onRunRequested(accepted.run_id);
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.goals(hiredInstanceId) });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    },
  });
  // The outcome of the run this card asked for, once the goal's latest run is that run.
  const requested = run.data?.run_id;
  const outcome = requested && goal.last_run?.run_id === requested ? goal.last_run : undefined;
  const finished = outcome && outcome.status !== 'triggered';
  useEffect(() => {
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
    }
  }, [finished, hiredInstanceId, queryClient]);
  // Drafting again for a period that already has drafts piles them up: ask first. The period is
  // the goal's own (a weekly goal's week, on the agent's calendar).
  const period = periodOfFrequency(goal.frequency);
  const lastDrafted = goal.last_run?.status === 'completed' ? (goal.last_run.completed_at ?? goal.last_run.triggered_at) : undefined;
  const alreadyDraftedThisPeriod = Boolean(lastDrafted && samePeriod(lastDrafted, Date.now(), period, agentTimezone));
  function requestRun() {
    if (alreadyDraftedThisPeriod && !confirmingRun) {
      setConfirmingRun(true);
      return;
    }
    setConfirmingRun(false);
    run.mutate();
  }
  const enabled = toggle.isPending ? Boolean(toggle.variables) : goal.enabled;

  return (
    <li className="card goal" aria-labelledby={headingId} data-goal-instance-id={goal.goal_instance_id}>
      <div className="draft-head">
        <h4 id={headingId}>{name}</h4>
        <span className={`badge ${enabled ? 'badge-approved' : ''}`}>{enabled ? 'enabled' : 'disabled'}</span>
      </div>
      <p className="muted">
        {humanize(goal.frequency).replace(/^./, (first) => first.toUpperCase())}
        {goal.time_of_day ? ` at ${goal.time_of_day}` : ''}
        {goal.timezone ? ` (${goal.timezone.replace(/_/g, ' ')})` : ''}
        {goal.updated_at ? ` · changed ${formatDateTime(goal.updated_at, agentTimezone)}` : ''}
      </p>
      {goal.last_run && !outcome && <LastRun run={goal.last_run} hiredInstanceId={hiredInstanceId} timeZone={agentTimezone} />}
      {settingFields.length > 0 && (
        <dl className="settings-summary">
          {settingFields
            .filter((field) => goal.settings?.[field.name] !== undefined)
            .map((field) => (
              <div key={field.name}>
                <dt>{field.label}</dt>
                <dd>{formatSetting(goal.settings[field.name], field.hint.enum_labels)}</dd>
              </div>
            ))}
        </dl>
      )}
      <div className="button-row goal-actions">
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={enabled}
            disabled={readOnly || toggle.isPending}
            aria-describedby={headingId}
            onChange={(event) => toggle.mutate(event.target.checked)}
          />
          Enabled
        </label>
        {onEdit && (
          <button type="button" className="secondary" disabled={readOnly} aria-describedby={headingId} onClick={onEdit}>
            Edit
          </button>
        )}
        <button
          type="button"
          disabled={readOnly || run.isPending || (Boolean(requested) && !finished && !run.isError)}
          aria-describedby={headingId}
          onClick={requestRun}
        >
          {run.isPending ? 'Asking…' : 'Run now'}
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={readOnly || remove.isPending}
          aria-describedby={headingId}
          onClick={() => setConfirmingDelete(true)}
        >
          Delete
        </button>
      </div>
      {confirmingDelete && (
        <div className="confirm alert alert-info" role="group" aria-label={`Delete ${name}?`}>
          <p>Delete this goal? It stops running; drafts it already made stay in Review.</p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmingDelete(false);
                remove.mutate();
              }}
            >
              Delete goal
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {confirmingRun && (
        <ConfirmDialog
          title={`Run ${name} again?`}
          confirmLabel="Draft again"
          cancelLabel="Keep these drafts"
          onConfirm={requestRun}
          onCancel={() => setConfirmingRun(false)}
        >
          <p>
            It already ran {period === 'day' ? 'today' : `this ${period}`} and its drafts are waiting under Review.
            Running it again makes a second set of drafts beside them.
          </p>
        </ConfirmDialog>
      )}
      {run.isSuccess && !finished && (
        <p role="status" className="alert alert-info">
          Run requested. Its outcome shows here when it is done.
        </p>
      )}
      {outcome && finished && <RunOutcome run={outcome} hiredInstanceId={hiredInstanceId} />}
      {run.isError &&
        (isApiProblem(run.error) && run.error.status === 409 && run.error.reason ? (
          <div role="alert" className="alert alert-error">
            <p className="alert-title">Not started: {reasonText(run.error.reason).text}</p>
            {reasonText(run.error.reason).next && <p>{reasonText(run.error.reason).next}</p>}
            <NextStepAction reason={run.error.reason} hiredInstanceId={hiredInstanceId} />
          </div>
        ) : (
          <ProblemAlert error={run.error} />
        ))}
      {[toggle, remove].map((mutation, index) =>
        mutation.isError ? <ProblemAlert key={index} error={mutation.error} /> : null,
      )}
    </li>
  );
}

/** The outcome of a run the customer just asked for, in words, with the next step. */
function RunOutcome({ run, hiredInstanceId }: { run: GoalRun; hiredInstanceId: string }) {
  if (run.status === 'completed') {
    return (
      <p role="status" className="alert alert-success">
        Run finished. Its drafts are waiting for you under Review.
      </p>
    );
  }
  const reason = reasonText(run.reason);
  const title =
    run.status === 'skipped' ? 'Skipped' : run.status === 'denied' ? 'Not started' : run.status === 'failed' ? 'The run failed' : humanize(run.status);
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">
        {title}
        {run.reason ? `: ${reason.text}` : '.'}
      </p>
      {run.reason && reason.next && <p>{reason.next}</p>}
      {!run.reason && run.detail && <p>{run.detail}</p>}
      <NextStepAction reason={run.reason} hiredInstanceId={hiredInstanceId} />
    </div>
  );
}

/** What became of the goal's latest run: a refusal or skip says why, in the customer's words. */
function LastRun({ run, hiredInstanceId, timeZone }: { run: GoalRun; hiredInstanceId: string; timeZone?: string }) {
  const when = run.completed_at ?? run.triggered_at;
  const at = when ? ` ${formatDateTime(when, timeZone)}` : '';
  if (run.status === 'denied' || run.status === 'skipped') {
    const reason = reasonText(run.reason);
    return (
      <div className="goal-last-run goal-last-run-denied" role="status">
        <p>
          {run.status === 'skipped' ? 'Skipped' : 'Last run was not started'}
          {at}: {reason.text} {reason.next}
        </p>
        <NextStepAction reason={run.reason} hiredInstanceId={hiredInstanceId} />
      </div>
    );
  }
  const words: Record<string, string> = {
    triggered: 'Running now…',
    completed: 'Last run finished',
    failed: 'Last run failed',
  };
  return (
    <div className="goal-last-run muted">
      <p>
        {words[run.status] ?? `Last run: ${humanize(run.status)}`}
        {run.status === 'triggered' ? '' : at}
        {run.status === 'failed' && run.detail ? ` — ${run.detail}` : ''}
      </p>
      <Details>
        Run <code>{run.run_id}</code>
        {run.period_key ? (
          <>
            {' '}
            for period <code>{run.period_key}</code>
          </>
        ) : null}
      </Details>
    </div>
  );
}
