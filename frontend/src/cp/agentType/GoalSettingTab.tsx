import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { formatDate, humanize } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { EmptyState, Loading } from '../../shared/StatusMessages';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, AgentTypeDefinition, Goal, GoalRun, GoalTemplate } from '../cpApi';
import { layoutFields } from '../schemaForm/fields';
import { allowedFrequencies, GoalEditor, templateName } from './GoalEditor';
import { useAgentType, useHiredAgent } from './useAgentType';

type Editing = { mode: 'new'; template: GoalTemplate } | { mode: 'edit'; goal: Goal } | null;

/** The Goal Setting tab: the agent's goals (add, edit, enable, delete, run now) from its templates. */
export function GoalSettingTab({ instance }: { instance: AgentInstanceSummary }) {
  const definition = useAgentType(instance);
  const hired = useHiredAgent(instance.hired_instance_id);
  const goals = useQuery({
    queryKey: cpQueryKeys.goals(instance.hired_instance_id),
    queryFn: () => cpApi.goals(instance.hired_instance_id),
  });
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
}: {
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
  const run = useMutation({
    mutationFn: () => cpApi.runGoal(hiredInstanceId, goal.goal_instance_id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.deliverables(hiredInstanceId) });
    },
  });
  const enabled = toggle.isPending ? Boolean(toggle.variables) : goal.enabled;

  return (
    <li className="card goal" aria-labelledby={headingId} data-goal-instance-id={goal.goal_instance_id}>
      <div className="draft-head">
        <h4 id={headingId}>{name}</h4>
        <span className={`badge ${enabled ? 'badge-approved' : ''}`}>{enabled ? 'enabled' : 'disabled'}</span>
      </div>
      <p className="muted">
        {humanize(goal.frequency)}
        {goal.time_of_day ? ` at ${goal.time_of_day}` : ''}
        {goal.updated_at ? ` · changed ${formatDate(goal.updated_at)}` : ''}
      </p>
      {goal.last_run && <LastRun run={goal.last_run} />}
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
        <button type="button" disabled={readOnly || run.isPending} aria-describedby={headingId} onClick={() => run.mutate()}>
          {run.isPending ? 'Starting…' : 'Run now'}
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
      {run.isSuccess && (
        <p role="status" className="alert alert-success">
          Run started (run id <code>{run.data.run_id}</code>). Its drafts appear under Review.
        </p>
      )}
      {[toggle, remove, run].map((mutation, index) =>
        mutation.isError ? <ProblemAlert key={index} error={mutation.error} /> : null,
      )}
    </li>
  );
}

/** What became of the goal's latest run; a denial says why, in enforcement's words. */
function LastRun({ run }: { run: GoalRun }) {
  const when = run.completed_at ?? run.triggered_at;
  if (run.status === 'skipped') {
    return (
      <p className="goal-last-run goal-last-run-denied" role="status">
        Last run ({run.period_key ?? run.run_id}) was skipped: {humanize(run.reason ?? 'skipped')}
        {run.detail ? ` — ${run.detail}` : ''}
      </p>
    );
  }
  if (run.status === 'denied') {
    return (
      <p className="goal-last-run goal-last-run-denied" role="status">
        Last run ({run.period_key ?? run.run_id}) was not started: {humanize(run.reason ?? 'denied')}
        {run.detail ? ` — ${run.detail}` : ''}
      </p>
    );
  }
  return (
    <p className="goal-last-run muted">
      Last run ({run.period_key ?? run.run_id}): {humanize(run.status)}
      {when ? ` ${formatDate(when)}` : ''}
    </p>
  );
}
