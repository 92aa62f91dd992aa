// One HTTP exchange through axios, with its own timeout and the caller's AbortSignal. Returns the raw answer or
// a HerokuError; never throws, and never lets an axios error (whose config holds the Authorization header)
// escape: only its code is read.
import type { AxiosInstance } from 'axios';
import type { HerokuError } from '../../core/heroku/result';

export interface RawResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  text: string;
}

export interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

function flatten(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (h && typeof h === 'object') {
    for (const [k, v] of Object.entries(h as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    }
  }
  return out;
}

function networkMessage(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'Could not connect to the Heroku API (connection refused).';
    case 'ECONNRESET':
    case 'ERR_BAD_RESPONSE':
      return 'The connection to the Heroku API was dropped before an answer arrived.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'Could not resolve the Heroku API host name. Check the network or heroku.apiUrl.';
    case 'ETIMEDOUT':
      return 'The connection to the Heroku API timed out.';
    default:
      return `Network error talking to the Heroku API${code ? ` (${code})` : ''}.`;
  }
}

export async function sendOnce(http: AxiosInstance, a: Attempt): Promise<RawResponse | HerokuError> {
  const base = { method: a.method, path: a.path, status: 0 };
  if (a.signal?.aborted) return { ...base, id: 'cancelled', message: 'The request was cancelled.' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, a.timeoutMs);
  const onAbort = (): void => controller.abort();
  a.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await http.request<string>({
      method: a.method,
      url: a.path,
      headers: a.headers,
      data: a.body,
      signal: controller.signal,
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
    });
    return { status: res.status, headers: flatten(res.headers), text: typeof res.data === 'string' ? res.data : '' };
  } catch (err) {
    if (timedOut) return { ...base, id: 'timeout', message: `The Heroku API did not answer within ${a.timeoutMs >= 1000 ? `${Math.round(a.timeoutMs / 1000)} s` : `${a.timeoutMs} ms`}.` };
    if (a.signal?.aborted) return { ...base, id: 'cancelled', message: 'The request was cancelled.' };
    const code = (err as { code?: unknown }).code;
    return { ...base, id: 'network', message: networkMessage(typeof code === 'string' ? code : undefined) };
  } finally {
    clearTimeout(timer);
    a.signal?.removeEventListener('abort', onAbort);
  }
}
