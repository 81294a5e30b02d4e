import { describe, expect, it } from 'vitest';
import { SessionStore } from './session';

const grant = { access_token: 'tok', token_type: 'Bearer', expires_in: 60 };

describe('session store', () => {
  it('survives a reload: a new store over the same storage sees the session', () => {
    new SessionStore<{ name: string }>('test.session').start(grant, { name: 'Dana' });

    const afterReload = new SessionStore<{ name: string }>('test.session').current();

    expect(afterReload?.access_token).toBe('tok');
    expect(afterReload?.principal).toEqual({ name: 'Dana' });
  });

  it('forgets a session whose token expired', () => {
    let now = 1_000_000;
    const store = new SessionStore<{ name: string }>('test.session', () => window.sessionStorage, () => now);
    store.start(grant, { name: 'Dana' });

    now += 61_000;

    expect(store.current()).toBeNull();
    expect(window.sessionStorage.getItem('test.session')).toBeNull();
  });

  it('keeps the apps apart: another key sees no session', () => {
    new SessionStore('test.cp').start(grant, {});

    expect(new SessionStore('test.pp').current()).toBeNull();
  });

  it('ignores a corrupt stored value', () => {
    window.sessionStorage.setItem('test.session', '{not json');

    expect(new SessionStore('test.session').current()).toBeNull();
  });

  it('tells subscribers when the session ends', () => {
    const store = new SessionStore('test.session');
    store.start(grant, {});
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);

    store.end();
    unsubscribe();
    store.end();

    expect(notified).toBe(1);
    expect(store.current()).toBeNull();
  });
});
