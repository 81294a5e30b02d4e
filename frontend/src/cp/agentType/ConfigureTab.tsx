import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { FormEvent } from 'react';
import { isApiProblem } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { Loading } from '../../shared/StatusMessages';
import { cpApi, cpQueryKeys } from '../cpApi';
import type { AgentInstanceSummary, AgentTypeDefinition, HiredAgent } from '../cpApi';
import { labelForPointer } from '../schemaForm/fields';
import { FormProblems, isShownAtField } from '../schemaForm/FormProblems';
import { SchemaFields } from '../schemaForm/SchemaForm';
import { sameJsonValue } from '../schemaForm/schema';
import { useSchemaForm, violationsUnder } from '../schemaForm/useSchemaForm';
import { DraftingNote, offeredDefinition, useDrafting } from './drafting';
import type { Drafting } from './drafting';
import { useAgentType, useHiredAgent } from './useAgentType';
import { useUnsavedChanges } from '../../shared/unsavedChanges';

/** The Configure tab: a form built entirely from the definition's config_schema and ui_hints. */
export function ConfigureTab({ instance }: { instance: AgentInstanceSummary }) {
  const definition = useAgentType(instance);
  const hired = useHiredAgent(instance.hired_instance_id);
  const drafting = useDrafting();
  const offered = useMemo(
    () => (definition.data ? offeredDefinition(definition.data, drafting.data) : undefined),
    [definition.data, drafting.data],
  );
  if (definition.isPending || hired.isPending || drafting.isPending) {
    return <Loading label="Loading the agent's configuration" />;
  }
  if (definition.isError) {
    return <ProblemAlert error={definition.error} onRetry={() => definition.refetch()} />;
  }
  if (hired.isError) {
    return <ProblemAlert error={hired.error} onRetry={() => hired.refetch()} />;
  }
  return (
    <ConfigureForm
      key={`${instance.hired_instance_id}:${definition.data.version}`}
      instance={instance}
      definition={offered ?? definition.data}
      drafting={drafting.data}
      hired={hired.data}
    />
  );
}


function ConfigureForm({
  instance,
  definition,
  hired,
  drafting,
}: {
  instance: AgentInstanceSummary;
  definition: AgentTypeDefinition;
  hired: HiredAgent;
  drafting?: Drafting;
}) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const problemsId = useId();
  const form = useSchemaForm({
    schema: definition.config_schema,
    hints: definition.ui_hints,
    initial: hired.config ?? {},
    rules: definition.extra_rules,
    serverErrors: hired.config_violations ?? [],
  });
  const readOnly = Boolean(hired.read_only ?? instance.read_only);

  function remember(saved: HiredAgent) {
    queryClient.setQueryData(cpQueryKeys.hiredAgent(saved.hired_instance_id), saved);
    void queryClient.invalidateQueries({ queryKey: cpQueryKeys.summary });
  }

  const save = useMutation({
    mutationFn: () => cpApi.saveDraft({ subscription_id: hired.subscription_id, config: form.cleanValue }),
    onSuccess: (saved) => {
      remember(saved);
      form.setServerErrors(saved.config_violations ?? []);
    },
    onError: (error) => {
      if (isApiProblem(error)) {
        form.setServerErrors(violationsUnder(error.errors, '/config'));
      }
    },
  });
  const finalize = useMutation({
    mutationFn: () => cpApi.finalize(hired.hired_instance_id),
    onSuccess: remember,
    onError: (error) => {
      if (isApiProblem(error)) {
        form.setServerErrors(violationsUnder(error.errors, '/config'));
      }
    },
  });

  const labelOf = (pointer: string) => labelForPointer(pointer, form.fieldMap);
  const dirty = !sameJsonValue(form.cleanValue, hired.config ?? {});
  useUnsavedChanges(dirty && form.touched && !readOnly);
  const canSave = !readOnly && !save.isPending && form.clientErrors.length === 0;
  const unshown = form.serverErrors.filter((error) => !isShownAtField(error.pointer, form.fieldMap));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.markSubmitted();
    if (canSave) {
      save.mutate();
    }
  }

  return (
    <div className="configure">
      <form onSubmit={submit} aria-labelledby={headingId} noValidate className="schema-form">
        <h3 id={headingId}>Configure {definition.display_name}</h3>
        <DraftingNote definition={definition} drafting={drafting} />
        <p className={hired.configured && !(dirty && form.touched) ? 'muted' : 'alert alert-info'}>
          {dirty && form.touched
            ? 'You have unsaved changes.'
            : hired.configured
              ? 'Every required setting is saved.'
              : 'This agent is not configured yet: it cannot run goals until every required setting is saved.'}
        </p>
        {readOnly && (
          <p className="alert alert-info">This agent is read-only now, so its configuration can be viewed but not changed.</p>
        )}
        <SchemaFields form={form} disabled={readOnly} idPrefix="config" />
        <FormProblems heading="Also needs attention:" errors={unshown} labelOf={labelOf} role="alert" />
        <div className="form-actions">
          <div className="button-row">
            <button
              type="submit"
              disabled={!canSave}
              aria-describedby={form.clientErrors.length > 0 ? problemsId : undefined}
            >
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          </div>
          {save.isSuccess && !dirty && (
            <p role="status" className="alert alert-success">
              Saved{save.data.configured ? ': the agent is configured.' : '. Some required settings are still missing.'}
            </p>
          )}
          {save.isError && <ProblemAlert error={save.error} />}
          {/* Always the Save button's description; on screen once the customer has started. */}
          <div className={form.touched || form.submitted ? undefined : 'visually-hidden'}>
            <FormProblems
              id={problemsId}
              heading={`Save is disabled until ${form.clientErrors.length === 1 ? 'this is' : 'these are'} fixed:`}
              errors={form.clientErrors}
              labelOf={labelOf}
            />
          </div>
        </div>
      </form>
      <FinalizeSection hired={hired} dirty={dirty} readOnly={readOnly} finalize={finalize} />
    </div>
  );
}

function FinalizeSection({
  hired,
  dirty,
  readOnly,
  finalize,
}: {
  hired: HiredAgent;
  dirty: boolean;
  readOnly: boolean;
  finalize: { mutate: () => void; isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown };
}) {
  const headingId = useId();
  return (
    <section className="card finalize" aria-labelledby={headingId}>
      <h4 id={headingId}>Finalize</h4>
      {hired.finalized_at ? (
        <p role={finalize.isSuccess ? 'status' : undefined}>
          Finalized on {formatDate(hired.finalized_at)}
          {hired.trial_end_at ? `; the trial runs until ${formatDate(hired.trial_end_at)}.` : '.'}
        </p>
      ) : (
        <>
          <p className="muted">
            Finalizing checks the saved configuration and that the agent has at least one goal, then starts the trial.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => finalize.mutate()} disabled={dirty || readOnly || finalize.isPending}>
              {finalize.isPending ? 'Finalizing…' : 'Finalize'}
            </button>
          </div>
          {dirty && !readOnly && <p className="muted">Save your changes before finalizing.</p>}
          {finalize.isError && <ProblemAlert error={finalize.error} />}
        </>
      )}
    </section>
  );
}
