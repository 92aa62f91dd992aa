// Failures as values: every client call returns a Result. A HerokuError carries Heroku's own `id` and `message`
// when the API sent them, or a client-side id (timeout, network, malformed_response...) otherwise. It never
// carries the request's headers, so the token cannot leak through it.

export type Result<T> = { ok: true; value: T; notModified?: boolean } | { ok: false; error: HerokuError };

/** Ids the client itself produces, next to Heroku's (unauthorized, forbidden, two_factor, not_found, rate_limit...). */
export type ClientErrorId =
  | 'timeout'
  | 'cancelled'
  | 'network'
  | 'malformed_response'
  | 'no_token'
  | 'two_factor_cancelled'
  | 'http_error';

export interface HerokuError {
  /** Heroku's error id (`unauthorized`, `two_factor`, `not_found`, `rate_limit`...) or a ClientErrorId. */
  id: string;
  /** A plain sentence, safe to show: Heroku's message or ours. Never contains the token. */
  message: string;
  /** HTTP status; 0 when no answer arrived (network, timeout, cancelled). */
  status: number;
  method: string;
  /** Path only (no host, no query with secrets). */
  path: string;
  /** Heroku's `url` field (a documentation link), when sent. */
  url?: string;
  /** Request id from `Request-Id`, for support tickets. */
  requestId?: string;
  /** How many attempts were made (retries included). */
  attempts?: number;
}

export function ok<T>(value: T, notModified?: boolean): Result<T> {
  return notModified ? { ok: true, value, notModified: true } : { ok: true, value };
}

export function fail<T = never>(error: HerokuError): Result<T> {
  return { ok: false, error };
}

/** Maps a Result's value, keeping failures as they are. */
export function mapResult<T, U>(r: Result<T>, fn: (v: T) => U): Result<U> {
  return r.ok ? { ...r, value: fn(r.value) } : r;
}

/** Plain-words explanation for a failure, for messages shown to the user. */
export function describeHerokuError(e: HerokuError): string {
  switch (e.id) {
    case 'unauthorized':
      return `Heroku rejected the API key (401). Sign in again with "Heroku: Sign In".`;
    case 'no_token':
      return 'Not signed in to Heroku. Run "Heroku: Sign In", or set HEROKU_API_KEY, or add api.heroku.com to ~/.netrc.';
    case 'two_factor':
    case 'two_factor_cancelled':
      return `This action needs a two-factor code: ${e.message}`;
    case 'rate_limit':
      return `Heroku's rate limit is exhausted; try again in a minute. (${e.message})`;
    case 'timeout':
    case 'cancelled':
    case 'network':
    case 'malformed_response':
      return e.message;
    default:
      return e.status ? `${e.message} (${e.status} ${e.id})` : e.message;
  }
}

export function isHerokuError(v: unknown): v is HerokuError {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.message === 'string' && typeof o.status === 'number';
}
