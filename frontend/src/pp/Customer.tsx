/** A customer as an operator reads them: what Plant recorded from the customer's verified identity. */
export interface CustomerRef {
  id: string | null | undefined;
  email?: string | null;
  name?: string | null;
}

/**
 * The customer by their display name (else their email; else "a customer" — never a bare UUID in
 * the text); the email and the id ride in the tooltip, or, with `details`, in a disclosure below.
 */
export function Customer({ id, email, name, details = false }: CustomerRef & { details?: boolean }) {
  if (!id && !email && !name) {
    return <>—</>;
  }
  const label = name || email || 'a customer';
  const facts = [name ? email : null, id].filter((fact): fact is string => Boolean(fact));
  if (!details || facts.length === 0) {
    return <span title={facts.join(' · ') || undefined}>{label}</span>;
  }
  return (
    <span className="pp-customer">
      <span>{label}</span>
      <details className="pp-raw">
        <summary>Customer details</summary>
        <dl className="pp-kv">
          {name && email && (
            <div>
              <dt>Email</dt>
              <dd>{email}</dd>
            </div>
          )}
          {id && (
            <div>
              <dt>Customer id</dt>
              <dd>
                <code>{id}</code>
              </dd>
            </div>
          )}
        </dl>
      </details>
    </span>
  );
}
