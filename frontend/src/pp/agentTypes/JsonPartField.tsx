import type { Finding } from '../ppApi';

/** Parses a JSON part as typed: its value, or the parser's complaint. */
export function parseJsonPart(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A textarea for one JSON part of a definition, with its parse error (as typed) and the
 * guardrail errors that point into it (as last validated) shown right under it.
 */
export function JsonPartField({
  id,
  label,
  help,
  value,
  onChange,
  parseError,
  findings,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  onChange: (text: string) => void;
  parseError: string | undefined;
  findings: Finding[];
}) {
  const helpId = `${id}-help`;
  const parseErrorId = `${id}-parse-error`;
  const findingsId = `${id}-guardrails`;
  const describedBy = [helpId, parseError && parseErrorId, findings.length > 0 && findingsId].filter(Boolean).join(' ');
  const rows = Math.min(24, Math.max(6, value.split('\n').length + 1));
  return (
    <div className={`field pp-json-field${parseError || findings.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p id={helpId} className="help">
        {help}
      </p>
      <textarea
        id={id}
        className="pp-code"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        rows={rows}
        value={value}
        aria-invalid={Boolean(parseError) || findings.length > 0}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {parseError && (
        <p id={parseErrorId} className="field-errors pp-parse-error" role="alert">
          Not valid JSON: {parseError}
        </p>
      )}
      {findings.length > 0 && (
        <ul id={findingsId} className="field-errors" aria-label={`Guardrail errors in ${label}`}>
          {findings.map((finding, index) => (
            <li key={`${finding.path}-${index}`}>
              <code>{finding.path}</code> {finding.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
