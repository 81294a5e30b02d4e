import { useSyncExternalStore } from 'react';

/** What a login answers, apart from who logged in. */
export interface TokenGrant {
  access_token: string;
  token_type: string;
  expires_in: number;
}

export interface Session<P> {
  access_token: string;
  token_type: string;
  /** Epoch millis after which the token is not worth sending. */
  expires_at: number;
  principal: P;
}

/**
 * The logged-in user of one app, kept in sessionStorage: it survives a reload but not the tab,
 * and each app (CP, PP) has its own key so the two never share a token.
 */
export class SessionStore<P> {
  private readonly listeners = new Set<() => void>();
  private cachedRaw: string | null = null;
  private cached: Session<P> | null = null;

  constructor(
    private readonly key: string,
    private readonly storage: () => Storage = () => window.sessionStorage,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Session<P> | null {
    const raw = this.storage().getItem(this.key);
    if (raw !== this.cachedRaw) {
      this.cachedRaw = raw;
      this.cached = parse<P>(raw);
    }
    if (this.cached && this.cached.expires_at <= this.now()) {
      this.storage().setItem(`${this.key}.expired`, '1');
      this.storage().removeItem(this.key);
      this.cachedRaw = null;
      this.cached = null;
    }
    return this.cached;
  }

  start(grant: TokenGrant, principal: P): void {
    const session: Session<P> = {
      access_token: grant.access_token,
      token_type: grant.token_type,
      expires_at: this.now() + grant.expires_in * 1000,
      principal,
    };
    this.storage().setItem(this.key, JSON.stringify(session));
    this.storage().removeItem(`${this.key}.expired`);
    this.notify();
  }

  end(): void {
    this.storage().removeItem(this.key);
    this.storage().removeItem(`${this.key}.expired`);
    this.notify();
  }

  /** The server no longer accepts the token: end the session and tell the sign-in page why. */
  expire(): void {
    if (this.storage().getItem(this.key) !== null) {
      this.storage().setItem(`${this.key}.expired`, '1');
    }
    this.storage().removeItem(this.key);
    this.notify();
  }

  /** Whether the last session ended by expiring (not by signing out). */
  expired(): boolean {
    return this.storage().getItem(`${this.key}.expired`) === '1';
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

export function useSession<P>(store: SessionStore<P>): Session<P> | null {
  return useSyncExternalStore(store.subscribe, () => store.current());
}

function parse<P>(raw: string | null): Session<P> | null {
  if (!raw) {
    return null;
  }
  try {
    const value = JSON.parse(raw) as Session<P>;
    return typeof value.access_token === 'string' && typeof value.expires_at === 'number' ? value : null;
  } catch {
    return null;
  }
}
