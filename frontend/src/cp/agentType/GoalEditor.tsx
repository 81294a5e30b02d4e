import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiProblem } from '../../shared/api';
import { humanize } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { Goal, GoalTemplate } from '../cpApi';
import { labelForPointer } from '../schemaForm/fields';
import type { UiHints } from '../schemaForm/fields';
import { FormProblems, isShownAtField } from '../schemaForm/FormProblems';
import { getAt, relativeTo } from '../schemaForm/pointer';
import { SchemaFields } from '../schemaForm/SchemaForm';
import type { JsonSchema } from '../schemaForm/schema';
import { useSchemaForm, violationsUnder } from '../schemaForm/useSchemaForm';
import type { Violation } from '../schemaForm/validate';
import { timeZones } from '../schemaForm/widgets/TimezoneField';
import { useUnsavedChanges } from '../../shared/unsavedChanges';

const EMPTY_SETTINGS: JsonSchema = { type: 'object', properties: {} };
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function templateName(template: GoalTemplate | undefined, fallbackId?: string): string {
  return template?.name ?? template?.display_name ?? humanize(template?.goal_template_id ?? fallbackId ?? 'goal');
}

export function allowedFrequencies(template: GoalTemplate): string[] {
  if (template.allowed_frequencies && template.allowed_frequencies.length > 0) {
    return template.allowed_frequencies;
  }
  return template.default_frequency ? [template.default_frequency] : ['on_demand'];
}

/** Settings a hint says start from the agent's config (`default_from`), e.g. the default coin. */
function prefillFromConfig(hints: UiHints | undefined, config: unknown): Record<string, unknown> {
  const prefill: Record<string, unknown> = {};
  for (const [name, hint] of Object.entries(hints ?? {})) {
    const value = hint.default_from ? getAt(config, hint.default_from) : undefined;
    if (value !== undefined) {
      prefill[name] = value;
    }
  }
  return prefill;
}

/**
 * Adds or edits one goal: frequency (only what the template allows), the time of day when the
 * template runs in a window, and settings rendered from the template's settings_schema with the
 * same schema form as Configure. `options_from` pointers read the agent's saved config.
 */
export function GoalEditor({
  hiredInstanceId,
  template,
  goal,
  config,
  onDone,
  onCancel,
}: {
  hiredInstanceId: string;
  template: GoalTemplate;
  goal?: Goal;
  config: Record<string, unknown>;
  onDone: (saved: Goal) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const problemsId = useId();
  const frequencyId = useId();
  const timeId = useId();
  const frequencies = allowedFrequencies(template);
  const prefill = useMemo(() => (goal ? {} : prefillFromConfig(template.ui_hints, config)), [goal, template, config]);
  const settings = useSchemaForm({
    schema: template.settings_schema ?? EMPTY_SETTINGS,
    hints: template.ui_hints,
    initial: goal?.settings ?? {},
    prefill,
  });
  const [frequency, setFrequency] = useState(
    goal?.frequency ?? (template.default_frequency && frequencies.includes(template.default_frequency) ? template.default_frequency : frequencies[0]),
  );
  const [timeOfDay, setTimeOfDay] = useState(goal?.time_of_day ?? '');
  const [enabled, setEnabled] = useState(goal?.enabled ?? true);
  // A goal follows the agent's timezone unless the customer picks one for it (timezone null).
  const agentZone = typeof config.timezone === 'string' && config.timezone ? config.timezone : undefined;
  const [ownZone, setOwnZone] = useState<string | null>(goal?.timezone ?? null);
  const zoneChoiceName = useId();
  const zoneSelectId = useId();
  const zones = useMemo(timeZones, []);
  const [topErrors, setTopErrors] = useState<Violation[]>([]);

  const ownErrors: Violation[] = [];
  if (!frequencies.includes(frequency)) {
    ownErrors.push({ pointer: '/frequency', message: `must be one of: ${frequencies.map(humanize).join(', ')}` });
  }
  if (template.needs_time_window && !TIME_OF_DAY.test(timeOfDay)) {
    ownErrors.push({ pointer: '/time_of_day', message: timeOfDay ? 'must be a time such as 09:30' : 'is required' });
  }
  const allErrors = [...ownErrors, ...settings.clientErrors.map((error) => ({ ...error, pointer: `/settings${error.pointer}` }))];

  const save = useMutation({
    mutationFn: () =>
      cpApi.saveGoal(hiredInstanceId, {
        ...(goal ? { goal_instance_id: goal.goal_instance_id } : {}),
        goal_template_id: template.goal_template_id,
        frequency,
        ...(template.needs_time_window || timeOfDay ? { time_of_day: timeOfDay } : {}),
        // Only sent when the goal has or had a zone of its own: absent means "the agent's".
        ...(ownZone !== null || goal?.timezone ? { timezone: ownZone } : {}),
        settings: settings.cleanValue,
        enabled,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.goals(hiredInstanceId) });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
      void queryClient.invalidateQueries({ queryKey: cpQueryKeys.hiredAgent(hiredInstanceId) });
      onDone(saved);
    },
    onError: (error) => {
      if (isApiProblem(error)) {
        settings.setServerErrors(violationsUnder(error.errors, '/settings'));
        setTopErrors(
          violationsUnder(error.errors, '').filter((violation) => !violation.pointer.startsWith('/settings')),
        );
      }
    },
  });
  const canSave = allErrors.length === 0 && !save.isPending;
  // An open editor holds edits the customer has not saved.
  useUnsavedChanges(settings.touched || (goal ? frequency !== goal.frequency : false));
  const unshownSettings = settings.serverErrors.filter((error) => !isShownAtField(error.pointer, settings.fieldMap));
  const errorsAt = (pointer: string) => [
    ...topErrors.filter((error) => error.pointer === pointer),
    ...(pointer === '/time_of_day' && timeOfDay ? ownErrors.filter((error) => error.pointer === pointer) : []),
  ];

  function labelOf(pointer: string): string {
    const inSettings = relativeTo(pointer, '/settings');
    if (inSettings !== null) {
      return labelForPointer(inSettings, settings.fieldMap);
    }
    return { '/frequency': 'Frequency', '/time_of_day': 'Time of day', '/goal_template_id': 'Goal' }[pointer] ?? pointer;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    settings.markSubmitted();
    if (canSave) {
      save.mutate();
    }
  }

  const frequencyErrors = errorsAt('/frequency');
  const timeErrors = errorsAt('/time_of_day');
  return (
    <form className="card goal-editor schema-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h4 id={headingId}>
        {goal ? 'Edit' : 'New'} goal: {templateName(template)}
      </h4>
      {template.description && <p className="muted">{template.description}</p>}
      <div className="field">
        <div className="field-label">
          <label htmlFor={frequencyId}>Frequency</label>
        </div>
        <select
          id={frequencyId}
          value={frequency}
          aria-invalid={frequencyErrors.length > 0 || undefined}
          aria-describedby={frequencyErrors.length > 0 ? `${frequencyId}-errors` : undefined}
          onChange={(event) => {
            setFrequency(event.target.value);
            setTopErrors((current) => current.filter((error) => error.pointer !== '/frequency'));
          }}
        >
          {frequencies.map((option) => (
            <option key={option} value={option}>
              {humanize(option)}
            </option>
          ))}
        </select>
        <InlineErrors id={`${frequencyId}-errors`} label="Frequency" errors={frequencyErrors} />
      </div>
      {template.needs_time_window && (
        <div className="field">
          <div className="field-label">
            <label htmlFor={timeId}>Time of day</label>
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          </div>
          <input
            id={timeId}
            type="time"
            value={timeOfDay}
            aria-required="true"
            aria-invalid={timeErrors.length > 0 || undefined}
            aria-describedby={`${timeId}-help${timeErrors.length > 0 ? ` ${timeId}-errors` : ''}`}
            onChange={(event) => {
              setTimeOfDay(event.target.value);
              setTopErrors((current) => current.filter((error) => error.pointer !== '/time_of_day'));
            }}
          />
          <p id={`${timeId}-help`} className="help">
            When the goal runs, in the time zone chosen below.
          </p>
          <InlineErrors id={`${timeId}-errors`} label="Time of day" errors={timeErrors} />
        </div>
      )}
      <fieldset className="field goal-timezone">
        <legend>Time zone</legend>
        <label className="checkbox-label">
          <input
            type="radio"
            name={zoneChoiceName}
            checked={ownZone === null}
            onChange={() => setOwnZone(null)}
          />
          Use the agent's timezone{agentZone ? ` (${agentZone})` : ''}
        </label>
        <label className="checkbox-label">
          <input
            type="radio"
            name={zoneChoiceName}
            checked={ownZone !== null}
            onChange={() => setOwnZone(agentZone ?? 'UTC')}
          />
          A time zone of its own
        </label>
        {ownZone !== null && (
          <>
            <label htmlFor={zoneSelectId} className="visually-hidden">
              Goal's time zone
            </label>
            <select id={zoneSelectId} value={ownZone} onChange={(event) => setOwnZone(event.target.value)}>
              {(zones.includes(ownZone) ? zones : [ownZone, ...zones]).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </>
        )}
      </fieldset>
      <SchemaFields
        form={settings}
        optionsSource={config}
        idPrefix={`goal-${template.goal_template_id.replace(/[^A-Za-z0-9_-]/g, '-')}`}
      />
      <div className="field field-boolean">
        <label className="checkbox-label">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Enabled
        </label>
      </div>
      <FormProblems
        heading="Also needs attention:"
        errors={[
          ...topErrors.filter((error) => !['/frequency', '/time_of_day'].includes(error.pointer)),
          ...unshownSettings.map((error) => ({ ...error, pointer: `/settings${error.pointer}` })),
        ]}
        labelOf={labelOf}
        role="alert"
      />
      <div className="button-row">
        <button type="submit" disabled={!canSave} aria-describedby={allErrors.length > 0 ? problemsId : undefined}>
          {save.isPending ? 'Saving…' : goal ? 'Save goal' : 'Add goal'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {save.isError && <ProblemAlert error={save.error} />}
      <div className={settings.touched || settings.submitted || timeOfDay ? undefined : 'visually-hidden'}>
        <FormProblems id={problemsId} heading="Saving is disabled until these are fixed:" errors={allErrors} labelOf={labelOf} />
      </div>
    </form>
  );
}

function InlineErrors({ id, label, errors }: { id: string; label: string; errors: Violation[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <ul id={id} className="field-errors">
      {errors.map((error, index) => (
        <li key={index}>{/^(is|must)\b/.test(error.message) ? `${label} ${error.message}` : error.message}</li>
      ))}
    </ul>
  );
}
