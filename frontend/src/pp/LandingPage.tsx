import { Link } from 'react-router-dom';
import { humanize } from '../shared/format';
import { useSession } from '../shared/session';
import { useSections } from './PpLayout';
import { ppSession } from './ppApi';

/** Who is signed in, with which roles, and the sections those roles open. */
export function LandingPage() {
  const session = useSession(ppSession);
  const sections = useSections();
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
      {sections.length > 0 && (
        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">What you can open</h2>
          <ul className="pp-sections" aria-labelledby="sections-heading">
            {sections.map((section) => (
              <li key={section.to} className="card">
                <Link to={section.to}>{section.label}</Link>
                <p className="muted small">{section.about}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
