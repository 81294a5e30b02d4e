import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ProblemAlert } from './ProblemAlert';

export interface Credentials {
  email: string;
  password: string;
}

/** Email + password form shared by the CP and PP logins; the caller decides what a login is. */
export function LoginForm({ heading, onLogin }: { heading: string; onLogin: (credentials: Credentials) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await onLogin({ email: email.trim(), password });
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  }

  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby={headingId} className="card">
        <h1 id={headingId}>{heading}</h1>
        {error !== null && <ProblemAlert error={error} />}
        <label>
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
