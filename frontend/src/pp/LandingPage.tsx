import { humanize } from '../shared/format';
import { useSession } from '../shared/session';
import { ppSession } from './ppApi';

/** Who is signed in and with which roles; Agent Management and Ops hang off this page later. */
export function LandingPage() {
  const session = useSession(ppSession);
  if (!session) {
    return null;
  }
  const operator = session.principal;
  return (
    <main className="page">
      <section className="card" aria-labelledby="operator-heading">
        <h1 id="operator-heading">Welcome, {operator.display_name}</h1>
        <p>
          Signed in as <strong>{operator.email}</strong>
        </p>
        <h2 id="roles-heading">Your roles</h2>
        {operator.roles.length === 0 ? (
          <p className="muted">You have no roles yet; ask an administrator for access.</p>
        ) : (
          <ul aria-labelledby="roles-heading" className="roles">
            {operator.roles.map((role) => (
              <li key={role}>
                <span className="badge" title={role}>
                  {humanize(role)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">Agent Management and Ops arrive here next.</p>
    </main>
  );
}
