import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { prettyJson } from '../format';
import { ppApi, ppQueryKeys } from '../ppApi';
import type { Definition, DraftEdit, Finding, ValidationReport } from '../ppApi';
import { fieldIdOf, findingsByPart, JSON_PARTS, partOf, pointerSegments } from './definitionParts';
import type { JsonPartName, PartName } from './definitionParts';
import { BreakingChangeWarning, GuardrailSummary } from './GuardrailReport';
import { JsonPartField, parseJsonPart } from './JsonPartField';
import { locate } from './jsonLocate';
import { useGuardrails } from './useGuardrails';
import { agentTypePath } from './versionOrder';
import type { PublishedNotice } from './AgentTypeVersionsPage';

interface DraftForm {
  display_name: string;
  description: string;
  parts: Record<JsonPartName, string>;
}

function formOf(definition: Definition): DraftForm {
  const parts = Object.fromEntries(JSON_PARTS.map((part) => [part.name, prettyJson(definition[part.name])]));
  return {
    display_name: definition.display_name ?? '',
    description: definition.description ?? '',
    parts: parts as Record<JsonPartName, string>,
  };
}

function sameForm(a: DraftForm, b: DraftForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The breaking changes an acknowledgement was given for: a different set needs a new one. */
function breakingSignature(report: ValidationReport | undefined): string | null {
  if (!report || (report.breaking_changes ?? []).length === 0) {
    return null;
  }
  return JSON.stringify([report.breaking_changes, (report.affected_instances ?? []).map((i) => i.hired_instance_id)]);
}

/**
 * An admin's editor of one draft version: the names as fields, each JSON part as a textarea
 * with its parse error inline. Save sends the draft to Plant and (debounced) asks pp-backend
 * for the guardrail report, whose errors show at their paths. Publish is possible once the saved
 * draft passes every guardrail and, when it breaks what customers have, the operator has ticked
 * the acknowledgement for exactly the breaking changes shown.
 */
export function DraftEditor({ definition, debounceMs = 400 }: { definition: Definition; debounceMs?: number }) {
  const { agent_type_id: agentTypeId, version } = definition;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<DraftForm>(() => formOf(definition));
  const [saved, setSaved] = useState<DraftForm>(() => formOf(definition));
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | null>(null);
  const guardrails = useGuardrails(agentTypeId, version, debounceMs);
  // counts saves: the report must be for the latest one before it can let the draft be published
  const [revision, setRevision] = useState(0);
  const reportIsOld = guardrails.reportRevision !== undefined && guardrails.reportRevision !== revision;
  const checking = guardrails.checking || (reportIsOld && !guardrails.error);
  const { report } = guardrails;

  const checkedOnOpen = useRef(false);
  useEffect(() => {
    if (!checkedOnOpen.current) {
      checkedOnOpen.current = true;
      guardrails.check();
    }
  });

  const parsed = Object.fromEntries(JSON_PARTS.map((part) => [part.name, parseJsonPart(form.parts[part.name])])) as Record<
    JsonPartName,
    ReturnType<typeof parseJsonPart>
  >;
  const parseErrors = JSON_PARTS.filter((part) => !parsed[part.name].ok);
  const nameMissing = form.display_name.trim() === '';
  const dirty = !sameForm(form, saved);
  const findings = findingsByPart(report?.errors ?? []);

  const save = useMutation({
    mutationFn: ({ edit }: { edit: DraftEdit; form: DraftForm }) => ppApi.editDraft(agentTypeId, version, edit),
    onSuccess: (updated, { form: sent }) => {
      setSaved(sent);
      setRevision(revision + 1);
      queryClient.setQueryData(ppQueryKeys.version(agentTypeId, version), updated);
      void queryClient.invalidateQueries({ queryKey: ppQueryKeys.versions(agentTypeId) });
      guardrails.checkSoon(revision + 1);
    },
  });

  const signature = breakingSignature(report);
  const acknowledged = signature !== null && acknowledgedFor === signature;
  const publish = useMutation({
    mutationFn: () => ppApi.publish(agentTypeId, version, acknowledged),
    onSuccess: (published) => {
      queryClient.setQueryData(ppQueryKeys.version(agentTypeId, version), published);
      void queryClient.invalidateQueries({ queryKey: ppQueryKeys.versions(agentTypeId) });
      void queryClient.invalidateQueries({ queryKey: ppQueryKeys.agentTypes });
      navigate(agentTypePath(agentTypeId), { state: { published: version } satisfies PublishedNotice });
    },
    // The server's view changed since our last check (or never matched it): show the current one.
    onError: () => guardrails.check(),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parseErrors.length > 0 || nameMissing) {
      return;
    }
    const edit: DraftEdit = { display_name: form.display_name.trim(), description: form.description };
    for (const part of JSON_PARTS) {
      const result = parsed[part.name];
      if (result.ok) {
        edit[part.name] = result.value as DraftEdit[typeof part.name];
      }
    }
    save.mutate({ edit, form });
  }

  function goTo(finding: Finding) {
    const part: PartName | undefined = partOf(finding.path);
    if (!part) {
      return;
    }
    const field = document.getElementById(fieldIdOf(part)) as HTMLTextAreaElement | HTMLInputElement | null;
    if (!field) {
      return;
    }
    field.focus();
    if (field instanceof HTMLTextAreaElement) {
      const range = locate(field.value, pointerSegments(finding.path).slice(1));
      if (range) {
        field.setSelectionRange(range.start, range.end);
        const line = field.value.slice(0, range.start).split('\n').length - 1;
        const lineHeight = Number.parseFloat(getComputedStyle(field).lineHeight) || 20;
        field.scrollTop = Math.max(0, (line - 2) * lineHeight);
      }
    }
  }

  const publishBlocker = dirty
    ? 'Save your changes first.'
    : checking
      ? 'Waiting for the guardrail check.'
      : !report || reportIsOld
        ? 'Check the guardrails first.'
        : !report.valid
          ? 'Fix the guardrail errors first.'
          : signature !== null && !acknowledged
            ? 'Acknowledge the breaking changes first.'
            : null;

  const setPart = (name: JsonPartName, text: string) => setForm((current) => ({ ...current, parts: { ...current.parts, [name]: text } }));
  const textFindings = (name: 'display_name' | 'description') => findings.get(name) ?? [];

  return (
    <div className="pp-editor">
      <form onSubmit={submit} className="card pp-editor-form" aria-labelledby="draft-form-heading" noValidate>
        <h2 id="draft-form-heading">Edit draft {version}</h2>
        <div className={`field${nameMissing || textFindings('display_name').length > 0 ? ' field-invalid' : ''}`}>
          <label htmlFor={fieldIdOf('display_name')}>Display name</label>
          <input
            id={fieldIdOf('display_name')}
            value={form.display_name}
            required
            aria-invalid={nameMissing}
            aria-describedby={nameMissing ? 'display-name-error' : undefined}
            onChange={(event) => setForm((current) => ({ ...current, display_name: event.target.value }))}
          />
          {nameMissing && (
            <p id="display-name-error" className="field-errors">
              A display name is required.
            </p>
          )}
          <FindingList findings={textFindings('display_name')} />
        </div>
        <div className="field">
          <label htmlFor={fieldIdOf('description')}>Description</label>
          <textarea
            id={fieldIdOf('description')}
            rows={3}
            value={form.description}
            onChange={(event) => setForm((current) => ({ ...current, description: event.target.value }))}
          />
          <FindingList findings={textFindings('description')} />
        </div>
        {JSON_PARTS.map((part) => {
          const result = parsed[part.name];
          return (
            <JsonPartField
              key={part.name}
              id={fieldIdOf(part.name)}
              label={part.label}
              help={part.help}
              value={form.parts[part.name]}
              onChange={(text) => setPart(part.name, text)}
              parseError={result.ok ? undefined : result.message}
              findings={findings.get(part.name) ?? []}
            />
          );
        })}
        <div className="pp-actions pp-sticky-actions">
          <button type="submit" disabled={!dirty || save.isPending || parseErrors.length > 0 || nameMissing}>
            {save.isPending ? 'Saving…' : 'Save draft'}
          </button>
          <button type="button" className="secondary" onClick={() => setForm(saved)} disabled={!dirty || save.isPending}>
            Discard changes
          </button>
          <span role="status" aria-live="polite" className="muted small">
            {parseErrors.length > 0
              ? `Fix the JSON in ${parseErrors.map((part) => part.label).join(', ')} to save.`
              : save.isSuccess && !dirty
                ? 'Draft saved.'
                : dirty
                  ? 'Unsaved changes.'
                  : ''}
          </span>
        </div>
        {save.isError && <ProblemAlert error={save.error} />}
      </form>

      <aside className="pp-editor-side" aria-label="Checks and publishing">
        <GuardrailSummary
          report={report}
          checking={checking}
          error={guardrails.error}
          stale={dirty}
          onGoTo={goTo}
          onRetry={guardrails.check}
          onValidate={guardrails.check}
        />
        {report && (
          <BreakingChangeWarning
            report={report}
            acknowledged={acknowledged}
            onAcknowledge={(ticked) => setAcknowledgedFor(ticked ? signature : null)}
          />
        )}
        <section aria-labelledby="publish-heading" className="card pp-publish">
          <h2 id="publish-heading">Publish</h2>
          <p className="muted small">
            Published versions are immutable. Customers hiring this agent type get the new version.
          </p>
          <div className="pp-actions">
            <button
              type="button"
              onClick={() => publish.mutate()}
              disabled={publishBlocker !== null || publish.isPending}
              aria-describedby="publish-blocker"
            >
              {publish.isPending ? 'Publishing…' : `Publish ${version}`}
            </button>
            <span id="publish-blocker" className="muted small">
              {publishBlocker ?? (acknowledged ? 'Breaking changes acknowledged.' : 'Ready to publish.')}
            </span>
          </div>
          {publish.isError && <ProblemAlert error={publish.error} />}
        </section>
      </aside>
    </div>
  );
}

function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) {
    return null;
  }
  return (
    <ul className="field-errors">
      {findings.map((finding, index) => (
        <li key={index}>
          <code>{finding.path}</code> {finding.message}
        </li>
      ))}
    </ul>
  );
}
