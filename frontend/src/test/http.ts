import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

export type Handler = Response | ((call: RecordedCall) => Response | Promise<Response>);

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, body: Record<string, unknown>): Response {
  return json(status, { type: 'about:blank', status, ...body }, 'application/problem+json');
}

/**
 * Replaces the global fetch with a tiny backend keyed by "METHOD /path". Unknown routes get a
 * 404 problem, so a test never silently talks to nothing. Returns the calls it saw.
 */
export function stubBackend(handlers: Record<string, Handler>): RecordedCall[] {
  const calls: RecordedCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const call: RecordedCall = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        search: url.search,
        headers: new Headers(init?.headers),
        // JSON as sent; anything else (an uploaded file) as it is
        body: init?.body ? (typeof init.body === 'string' ? JSON.parse(init.body) : init.body) : undefined,
      };
      calls.push(call);
      const handler = handlers[`${call.method} ${call.path}`];
      if (!handler) {
        return problem(404, { title: 'Not stubbed', detail: `${call.method} ${call.path}` });
      }
      return typeof handler === 'function' ? handler(call) : handler.clone();
    }),
  );
  return calls;
}
