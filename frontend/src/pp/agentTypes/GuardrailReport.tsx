import { useId } from 'react';
import { humanize } from '../../shared/format';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { Customer } from '../Customer';
import type { AffectedInstance, BreakingChange, Finding, ValidationReport } from '../ppApi';

/**
 * The guardrail verdict on the saved draft: checking, passes, or each error with the path it is
 * at. A path inside an editable field can take the operator there (`onGoTo`).
 */
export function GuardrailSummary({
  report,
  checking,
  error,
  stale,
  onGoTo,
  onRetry,
  onValidate,
}: {
  report: ValidationReport | undefined;
  checking: boolean;
  error: unknown;
  stale: boolean;
  onGoTo?: (finding: Finding) => void;
  onRetry: () => void;
  /** Offers a Validate button that checks the saved version now. */
  onValidate?: () => void;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card pp-guardrails">
      <h2 id={headingId}>Guardrails</h2>
      <p role="status" aria-live="polite" className={report && !report.valid ? 'pp-verdict bad' : 'pp-verdict'}>
        {checking
          ? 'Checking guardrails…'
          : error
            ? 'The guardrails could not be checked.'
            : !report
              ? 'Not checked yet.'
              : report.valid
                ? 'Passes every guardrail.'
                : `${report.errors.length} guardrail ${report.errors.length === 1 ? 'error blocks' : 'errors block'} publishing.`}
      </p>
      {onValidate && (
        <div className="pp-actions">
          <button type="button" className="secondary" onClick={onValidate} disabled={checking}>
            Validate
          </button>
        </div>
      )}
      {stale && <p className="muted small">You have unsaved changes: these results are for the last saved draft.</p>}
      {Boolean(error) && !checking && <ProblemAlert error={error} onRetry={onRetry} />}
      {report && report.errors.length > 0 && (
        <ul className="pp-findings" aria-label="Guardrail errors">
          {report.errors.map((finding, index) => (
            <li key={`${finding.path}-${index}`}>
              <code>{finding.path || '/'}</code> {finding.message}
              {onGoTo && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onGoTo(finding)}
                    aria-label={`Go to ${finding.path || 'the definition'}`}
                  >
                    Go to
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * What this version breaks against the previous published one and which configured instances
 * would stop being configured; publishing needs the explicit acknowledgement below.
 */
export function BreakingChangeWarning({
  report,
  acknowledged,
  onAcknowledge,
  readOnly,
}: {
  report: Pick<ValidationReport, 'breaking_changes' | 'affected_instances' | 'compared_with' | 'instances_checked'>;
  acknowledged: boolean;
  onAcknowledge?: (acknowledged: boolean) => void;
  readOnly?: boolean;
}) {
  const headingId = useId();
  const changes: BreakingChange[] = report.breaking_changes ?? [];
  const affected: AffectedInstance[] = report.affected_instances ?? [];
  if (changes.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby={headingId} className="alert pp-breaking">
      <h2 id={headingId}>Breaking changes</h2>
      <p>
        Compared with published version <strong>{report.compared_with ?? 'the previous one'}</strong>, this version has{' '}
        {changes.length} breaking {changes.length === 1 ? 'change' : 'changes'}.
      </p>
      <ul aria-label="Breaking changes list">
        {changes.map((change, index) => (
          <li key={`${change.path}-${index}`}>
            <strong>{humanize(change.kind)}</strong> at <code>{change.path}</code>: {change.message}
          </li>
        ))}
      </ul>
      <h3>Affected instances</h3>
      {affected.length === 0 ? (
        <p>
          No configured instance would become unconfigured
          {report.instances_checked !== undefined && ` (${report.instances_checked} checked)`}.
        </p>
      ) : (
        <>
          <p>
            {affected.length} of {report.instances_checked} configured{' '}
            {affected.length === 1 ? 'instance would' : 'instances would'} become unconfigured:
          </p>
          <ul className="pp-affected" aria-label="Affected instances">
            {affected.map((instance) => (
              <li key={instance.hired_instance_id}>
                <code>{instance.hired_instance_id}</code>
                <span>
                  <Customer id={instance.customer_id} email={instance.customer_email} name={instance.customer_name} />
                  {instance.pinned_version && ` · pinned ${instance.pinned_version}`}
                  {instance.subscription_status && ` · subscription ${humanize(instance.subscription_status)}`}
                </span>
                {(instance.violations ?? []).length > 0 && (
                  <ul className="pp-compact">
                    {(instance.violations ?? []).map((violation, index) => (
                      <li key={index}>
                        would fail <code>{violation.pointer ?? violation.field}</code> {violation.message}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {!readOnly && onAcknowledge && (
        <label className="checkbox-label pp-acknowledge">
          <input type="checkbox" checked={acknowledged} onChange={(event) => onAcknowledge(event.target.checked)} />
          I understand these breaking changes
          {affected.length > 0 && ` and that ${affected.length} configured ${affected.length === 1 ? 'instance' : 'instances'} will become unconfigured`}
          .
        </label>
      )}
    </section>
  );
}
