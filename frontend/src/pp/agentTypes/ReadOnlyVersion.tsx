import { useAccess } from '../access';
import { JsonBlock } from '../JsonView';
import type { Definition } from '../ppApi';
import { JSON_PARTS } from './definitionParts';
import { BreakingChangeWarning, GuardrailSummary } from './GuardrailReport';
import { useGuardrails } from './useGuardrails';

/**
 * A version as it is. Published versions are immutable for everyone; support reads drafts too and
 * may run the guardrail check (it changes nothing) but cannot edit or publish.
 */
export function ReadOnlyVersion({ definition }: { definition: Definition }) {
  const access = useAccess();
  const draft = definition.status === 'draft';
  return (
    <div className={draft ? 'pp-editor' : 'pp-single'}>
      <section className="card pp-readonly" aria-labelledby="definition-heading">
        <h2 id="definition-heading">Definition</h2>
        <p className="muted small">
          {draft
            ? access.authorAgentTypes
              ? 'This draft can be edited.'
              : 'Read-only: only admins edit and publish drafts.'
            : 'Published versions are immutable: draft a new version to change it.'}
        </p>
        <dl className="pp-kv">
          <div>
            <dt>Display name</dt>
            <dd>{definition.display_name}</dd>
          </div>
          <div>
            <dt>Description</dt>
            <dd>{definition.description || '—'}</dd>
          </div>
        </dl>
        {JSON_PARTS.map((part) => (
          <div key={part.name} className="field">
            <h3>{part.label}</h3>
            <JsonBlock value={definition[part.name]} label={part.label} />
          </div>
        ))}
      </section>
      {draft && <DraftChecks definition={definition} />}
    </div>
  );
}

function DraftChecks({ definition }: { definition: Definition }) {
  const guardrails = useGuardrails(definition.agent_type_id, definition.version, 0);
  return (
    <aside className="pp-editor-side" aria-label="Checks">
      <GuardrailSummary
        report={guardrails.report}
        checking={guardrails.checking}
        error={guardrails.error}
        stale={false}
        onRetry={guardrails.check}
        onValidate={guardrails.check}
      />
      {guardrails.report && <BreakingChangeWarning report={guardrails.report} acknowledged={false} readOnly />}
    </aside>
  );
}
