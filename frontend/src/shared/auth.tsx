import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Location } from 'react-router-dom';
import { LoginForm } from './LoginForm';
import type { Credentials } from './LoginForm';
import { useSession } from './session';
import { usePageTitle } from './usePageTitle';
import type { SessionStore, TokenGrant } from './session';

/** Where to go after login: back to the page that sent us here (query included), or home. */
function returnPath(location: Location): string {
  const from = (location.state as { from?: Location } | null)?.from;
  return from ? `${from.pathname}${from.search}${from.hash}` : '/';
}

/** Renders its children only for a signed-in user; others go to /login and come back after. */
export function RequireSession<P>({ store, children }: { store: SessionStore<P>; children: ReactNode }) {
  const session = useSession(store);
  const location = useLocation();
  if (!session) {
    return <Navigate to="/login" replace state={{ from: location }} />;
  }
  return children;
}

export function LoginPage<P>({
  heading,
  store,
  login,
}: {
  heading: string;
  store: SessionStore<P>;
  login: (credentials: Credentials) => Promise<{ grant: TokenGrant; principal: P }>;
}) {
  const session = useSession(store);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle('Sign in');
  if (session) {
    return <Navigate to={returnPath(location)} replace />;
  }
  async function signIn(credentials: Credentials) {
    const { grant, principal } = await login(credentials);
    // Nothing cached for a previous user may show for this one.
    queryClient.clear();
    store.start(grant, principal);
    navigate(returnPath(location), { replace: true });
  }
  return (
    <>
      {store.expired() && (
        <p role="status" className="alert alert-info session-expired">
          Your session expired. Please sign in again{returnPath(location) !== '/' ? ' to go back where you were' : ''}.
        </p>
      )}
      <LoginForm heading={heading} onLogin={signIn} />
    </>
  );
}

/** Top bar with the app's name, who is signed in and Sign out; pages render below it. */
export function AppShell<P extends { display_name: string }>({ brand, store }: { brand: string; store: SessionStore<P> }) {
  const session = useSession(store);
  const queryClient = useQueryClient();
  return (
    <>
      <header className="topbar">
        <span className="brand">{brand}</span>
        {session && (
          <span className="whoami">
            <span>{session.principal.display_name}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                store.end();
                queryClient.clear();
              }}
            >
              Sign out
            </button>
          </span>
        )}
      </header>
      <Outlet />
    </>
  );
}

/** A page the app does not have: say so, with a way back (never silently show another page). */
export function NotFoundPage({ homeLabel = 'Go to the start page' }: { homeLabel?: string }) {
  usePageTitle('Page not found');
  return (
    <main className="page">
      <section className="card empty-state" aria-labelledby="not-found-heading">
        <h1 id="not-found-heading">Page not found</h1>
        <p className="muted">There is no page at this address. It may have moved, or the link may be mistyped.</p>
        <p>
          <Link to="/">{homeLabel}</Link>
        </p>
      </section>
    </main>
  );
}
