// Reads Heroku's answers: JSON bodies and error bodies `{id, message, url}`. A body that is not JSON, or an
// error without Heroku's fields, becomes a clear HerokuError. Any echo of the token is cut out.
import type { RawResponse } from './attempt';
import { fail, ok, type HerokuError, type Result } from '../../core/heroku/result';

const MASK = '••••••••';

export function scrub(text: string, token: string | undefined): string {
  let out = text;
  if (token && token.length >= 4) out = out.split(token).join(MASK);
  return out.replace(/(bearer\s+)[^\s"',}]+/gi, `$1${MASK}`);
}

const STATUS_IDS: Record<number, string> = {
  400: 'bad_request', 401: 'unauthorized', 402: 'payment_required', 403: 'forbidden', 404: 'not_found',
  406: 'not_acceptable', 409: 'conflict', 410: 'gone', 416: 'requested_range_not_satisfiable',
  422: 'invalid_params', 423: 'locked', 429: 'rate_limit', 500: 'internal_server_error',
  502: 'bad_gateway', 503: 'service_unavailable', 504: 'gateway_timeout',
};

function defaultMessage(status: number): string {
  if (status === 401) return 'Heroku rejected the API key.';
  if (status === 429) return 'Heroku\'s API rate limit was reached.';
  if (status >= 500) return `The Heroku API failed (${status}).`;
  return `The Heroku API answered ${status}.`;
}

export function toHttpError(method: string, path: string, res: RawResponse, token: string | undefined): HerokuError {
  let id = STATUS_IDS[res.status] ?? 'http_error';
  let message = defaultMessage(res.status);
  let url: string | undefined;
  try {
    const body: unknown = JSON.parse(res.text);
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const b = body as Record<string, unknown>;
      if (typeof b.id === 'string' && b.id.trim() !== '') id = b.id.slice(0, 100);
      if (typeof b.message === 'string' && b.message.trim() !== '') message = b.message.slice(0, 2000);
      if (typeof b.url === 'string') url = b.url;
    }
  } catch {
    // Not JSON (e.g. an HTML page from a proxy): keep the status-based id and message.
  }
  const err: HerokuError = { id, message: scrub(message, token), status: res.status, method, path };
  if (url) err.url = url;
  if (res.headers['request-id']) err.requestId = res.headers['request-id'];
  return err;
}

export function parseJson(method: string, path: string, res: RawResponse, token: string | undefined): Result<unknown> {
  if (res.status === 204 || res.text.trim() === '') return ok(null);
  try {
    return ok(JSON.parse(res.text) as unknown);
  } catch {
    return fail({
      id: 'malformed_response',
      message: `Heroku sent an answer that is not valid JSON (${method} ${path}, ${res.status}).`,
      status: res.status, method, path,
      ...(res.headers['request-id'] ? { requestId: scrub(res.headers['request-id'], token) } : {}),
    });
  }
}

/** Checks the top-level shape so callers can trust `Array.isArray` / object access. */
export function expectShape<T>(r: Result<unknown>, shape: 'array' | 'object', method: string, path: string): Result<T> {
  if (!r.ok) return r;
  const v = r.value;
  const good = shape === 'array' ? Array.isArray(v) : v !== null && typeof v === 'object' && !Array.isArray(v);
  if (good) return r as Result<T>;
  return fail({
    id: 'malformed_response',
    message: `Heroku sent an unexpected answer (${method} ${path}): expected ${shape === 'array' ? 'a list' : 'an object'}.`,
    status: 200, method, path,
  });
}
