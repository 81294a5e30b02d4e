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
        <Credential label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} />
        <Credential label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <button type="submit" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

/** One required sign-in field, its label wrapping it; named after its type, as password managers expect. */
function Credential({
  label,
  type,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type={type}
        name={type}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
