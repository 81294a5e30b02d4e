// The one way the apps talk to their backend: JSON over fetch, a bearer token from the session,
// and RFC 9457 problem+json errors turned into ApiProblem. Field names stay as on the wire
// (snake_case), so the types below read like the backend's contract.

/** One violation inside a validation problem; `pointer` is a JSON pointer into the request body. */
export interface ProblemFieldError {
  pointer?: string;
  field?: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  correlation_id?: string;
  reason?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

const CORRELATION_HEADER = 'X-Correlation-Id';

/** A failed call, as the backend explained it (or as close as we can tell when it did not). */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly correlation_id?: string;
  /** Machine-readable reason code, e.g. the enforcement denial reason. */
  readonly reason?: string;
  readonly errors: ProblemFieldError[];
  /** The whole body, for extension members a screen may want. */
  readonly body: ProblemBody;

  constructor(body: ProblemBody, fallbackStatus: number) {
    const title = body.title ?? 'Request failed';
    super(body.detail ? `${title}: ${body.detail}` : title);
    this.name = 'ApiProblem';
    this.type = body.type ?? 'about:blank';
    this.title = title;
    this.status = body.status ?? fallbackStatus;
    this.detail = body.detail;
    this.correlation_id = body.correlation_id;
    this.reason = body.reason;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.body = body;
  }

  static async fromResponse(response: Response): Promise<ApiProblem> {
    const headerCorrelationId = response.headers.get(CORRELATION_HEADER) ?? undefined;
    const parsed = await readJson(response);
    const body: ProblemBody =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as ProblemBody)
        : { title: response.statusText || `HTTP ${response.status}` };
    return new ApiProblem(
      { ...body, correlation_id: body.correlation_id ?? headerCorrelationId },
      response.status,
    );
  }

  static unreachable(cause: unknown): ApiProblem {
    const problem = new ApiProblem(
      {
        type: 'about:blank#network',
        title: 'Cannot reach the server',
        detail: 'Check your connection and try again.',
      },
      0,
    );
    problem.cause = cause;
    return problem;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export interface ApiClientOptions {
  /** The bearer token to send, read on every call so a new login applies at once. */
  getToken?: () => string | null | undefined;
  /** Called when a call that carried a token is answered 401: the session is no longer good. */
  onUnauthorized?: () => void;
  /** Defaults to the global fetch at call time (tests stub it). */
  fetch?: typeof fetch;
}

export interface ApiClient {
  get<T>(path: string, query?: QueryParams): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown, query?: QueryParams): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = options.getToken?.();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(withQuery(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw ApiProblem.unreachable(cause);
    }
    if (!response.ok) {
      if (response.status === 401 && token) {
        options.onUnauthorized?.();
      }
      throw await ApiProblem.fromResponse(response);
    }
    return (await readJson(response)) as T;
  }

  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
}

/** Encodes one path segment, so ids never change the shape of a URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

function withQuery(path: string, query?: QueryParams): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) {
      params.set(name, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
