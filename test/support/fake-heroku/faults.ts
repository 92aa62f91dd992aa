import { HttpError } from './http';

/**
 * A fault the fake injects into matching requests. `path` is either an exact path, a glob where `*` matches one
 * segment and `**` any rest (`/apps/*` , `/apps/**`), or a RegExp source wrapped in slashes (`/^\/apps/`).
 */
export interface FaultSpec {
  method?: string;
  path: string;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
  /** Wait this long before answering (or before the other effect). */
  delayMs?: number;
  /** Answer with this status and a Heroku error body (5xx, 403 ...). */
  status?: number;
  /** Error id for `status` (default derived from the status). */
  errorId?: string;
  /** 429 with this Retry-After (seconds) and `{id:"rate_limit"}`. */
  retryAfter?: number;
  /** Destroy the socket without answering (for streams: after `afterBytes`). */
  drop?: boolean;
  /** For streaming responses: bytes written before the drop. */
  afterBytes?: number;
  /** Answer 200 with a body that is not valid JSON. */
  malformed?: 'truncated' | 'garbage';
  /**
   * Send this JSON instead of the route's body, with the route's status (valid JSON of the wrong shape: a list
   * item without a name, a number where a string belongs). The route still runs, so its side effects happen; the
   * fake's schema self-check looks at the route's own body, not at this one. A route that fails (404 for an unknown
   * app) still answers its error.
   */
  body?: unknown;
}

export interface ActiveFault extends FaultSpec {
  readonly seq: number;
  hits: number;
}

const DEFAULT_IDS: Record<number, string> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
  422: 'invalid_params', 429: 'rate_limit', 500: 'internal_server_error', 502: 'bad_gateway',
  503: 'service_unavailable', 504: 'gateway_timeout',
};

export function validateFaultSpec(v: unknown): FaultSpec {
  const bad = (m: string): HttpError => new HttpError(422, 'invalid_params', `Invalid fault: ${m}`);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw bad('expected an object');
  const s = v as Record<string, unknown>;
  if (typeof s.path !== 'string' || s.path === '') throw bad('path is required');
  for (const k of ['times', 'delayMs', 'status', 'retryAfter', 'afterBytes'] as const) {
    if (s[k] !== undefined && (typeof s[k] !== 'number' || !Number.isFinite(s[k]) || (s[k] as number) < 0)) {
      throw bad(`${k} must be a non-negative number`);
    }
  }
  if (s.method !== undefined && typeof s.method !== 'string') throw bad('method must be a string');
  if (s.malformed !== undefined && s.malformed !== 'truncated' && s.malformed !== 'garbage') {
    throw bad('malformed must be "truncated" or "garbage"');
  }
  if (s.body !== undefined && (s.malformed !== undefined || s.status !== undefined || s.retryAfter !== undefined || s.drop)) {
    throw bad('body cannot be combined with malformed, status, retryAfter or drop');
  }
  if (s.status !== undefined && ((s.status as number) < 400 || (s.status as number) > 599)) {
    throw bad('status must be 400-599');
  }
  return s as unknown as FaultSpec;
}

function pathMatcher(p: string): (path: string) => boolean {
  if (p.length > 2 && p.startsWith('/') && p.endsWith('/') && p.includes('^')) {
    const re = new RegExp(p.slice(1, -1));
    return (path) => re.test(path);
  }
  if (!p.includes('*')) return (path) => path === p || path === `${p}/`;
  const src = p
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg === '*' ? '[^/]+' : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  const re = new RegExp(`^${src}$`);
  return (path) => re.test(path);
}

export function defaultErrorId(status: number): string {
  return DEFAULT_IDS[status] ?? (status >= 500 ? 'internal_server_error' : 'bad_request');
}

/** The fault registry: first added, first matched. */
export class Faults {
  private list: (ActiveFault & { test: (p: string) => boolean })[] = [];
  private seq = 0;

  add(spec: FaultSpec): ActiveFault {
    const checked = validateFaultSpec(spec);
    const f = { ...checked, seq: ++this.seq, hits: 0, test: pathMatcher(checked.path) };
    this.list.push(f);
    return f;
  }

  clear(): void {
    this.list = [];
  }

  active(): ActiveFault[] {
    return this.list.map(({ test: _t, ...f }) => f);
  }

  /** Consumes one use of the first fault matching the request, if any. */
  take(method: string, path: string): ActiveFault | undefined {
    const f = this.list.find((x) => (x.method === undefined || x.method.toUpperCase() === method) && x.test(path));
    if (!f) return undefined;
    f.hits += 1;
    if (f.times !== undefined && f.hits >= f.times) this.list = this.list.filter((x) => x !== f);
    return f;
  }
}
