import { describe, expect, it, vi } from 'vitest';
import { stubBackend, json, problem } from '../test/http';
import { ApiProblem, createApiClient } from './api';

describe('api client', () => {
  it('sends the bearer token and a JSON body', async () => {
    const calls = stubBackend({ 'POST /api/things': json(200, { thing_id: 't-1' }) });
    const client = createApiClient({ getToken: () => 'secret-token' });

    const answer = await client.post<{ thing_id: string }>('/api/things', { display_name: 'A' });

    expect(answer).toEqual({ thing_id: 't-1' });
    expect(calls[0].headers.get('Authorization')).toBe('Bearer secret-token');
    expect(calls[0].headers.get('Content-Type')).toBe('application/json');
    expect(calls[0].body).toEqual({ display_name: 'A' });
  });

  it('sends no Authorization header without a token and drops empty query values', async () => {
    const calls = stubBackend({ 'GET /api/things': json(200, []) });

    await createApiClient().get('/api/things', { version: 2, state: undefined, goal: null });

    expect(calls[0].headers.has('Authorization')).toBe(false);
    expect(calls[0].search).toBe('?version=2');
  });

  it('turns a problem+json answer into an ApiProblem with its field errors', async () => {
    stubBackend({
      'PUT /api/things': problem(422, {
        title: 'Invalid configuration',
        detail: 'One field is wrong',
        correlation_id: 'corr-422',
        errors: [{ pointer: '/timezone', message: 'must be an IANA time zone' }],
      }),
    });

    const failure = await createApiClient()
      .put('/api/things', {})
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure).toMatchObject({
      status: 422,
      title: 'Invalid configuration',
      detail: 'One field is wrong',
      correlation_id: 'corr-422',
      errors: [{ pointer: '/timezone', message: 'must be an IANA time zone' }],
    });
  });

  it('falls back to the status line and the correlation header when the error body is not JSON', async () => {
    stubBackend({
      'DELETE /api/things': new Response('<html>gateway down</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'X-Correlation-Id': 'corr-502' },
      }),
    });

    const failure = (await createApiClient()
      .delete('/api/things')
      .catch((error: unknown) => error)) as ApiProblem;

    expect(failure.status).toBe(502);
    expect(failure.title).toBe('Bad Gateway');
    expect(failure.correlation_id).toBe('corr-502');
    expect(failure.errors).toEqual([]);
  });

  it('ends the session when a call that carried a token is answered 401', async () => {
    stubBackend({ 'GET /api/things': problem(401, { title: 'Unauthorized' }) });
    const onUnauthorized = vi.fn();

    await createApiClient({ getToken: () => 'expired', onUnauthorized })
      .get('/api/things')
      .catch(() => undefined);

    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('leaves the session alone when an anonymous call (a login) is answered 401', async () => {
    stubBackend({ 'POST /api/login': problem(401, { title: 'Bad credentials' }) });
    const onUnauthorized = vi.fn();

    await createApiClient({ getToken: () => null, onUnauthorized })
      .post('/api/login', {})
      .catch(() => undefined);

    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports an unreachable server as a problem with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    const failure = (await createApiClient()
      .get('/api/things')
      .catch((error: unknown) => error)) as ApiProblem;

    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure.status).toBe(0);
    expect(failure.title).toBe('Cannot reach the server');
  });

  it('returns undefined for an empty success body', async () => {
    stubBackend({ 'DELETE /api/things/1': new Response(null, { status: 204 }) });

    await expect(createApiClient().delete('/api/things/1')).resolves.toBeUndefined();
  });
});
