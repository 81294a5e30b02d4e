import { prettyJson, valueText } from './format';

/** A JSON value, read-only; a labelled, focusable region so keyboard users can scroll it. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre className="pp-json" role="region" aria-label={label} tabIndex={0}>
      {prettyJson(value)}
    </pre>
  );
}

function isObject(value: unknown): boolean {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length > 0;
}

/** An object's members as a definition list; nested objects as nested lists, arrays as compact JSON. */
export function KeyValues({ value, label }: { value: unknown; label: string }) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return <JsonBlock value={value} label={label} />;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    return <p className="muted">None recorded.</p>;
  }
  return (
    <dl className="pp-kv">
      {entries.map(([name, member]) => (
        <div key={name} className={isObject(member) ? 'pp-kv-nested' : undefined}>
          <dt>{name}</dt>
          <dd>{isObject(member) ? <KeyValues value={member} label={`${label}: ${name}`} /> : <code>{member === null ? 'null' : valueText(member)}</code>}</dd>
        </div>
      ))}
    </dl>
  );
}
