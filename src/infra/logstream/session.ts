// Log sessions as the Heroku CLI creates them (src/lib/run/log-displayer.ts): Cedar `{dyno: dyno || type, source,
// lines, tail}`, Fir `{dyno, source, type}` (Fir always tails and ignores lines). Which failures are worth another
// try (network, 429, 5xx) and which end the tail (the key, the app, the parameters).
import { describeHerokuError, type HerokuError } from '../../core/heroku/result';
import type { LogSessionRequest } from '../../core/heroku/types';
import type { LogApi, TailOptions } from './events';

export type Generation = 'cedar' | 'fir';

export function sessionBody(gen: Generation, o: TailOptions, lines: number): LogSessionRequest {
  const body: LogSessionRequest = {};
  if (o.source) body.source = o.source;
  if (gen === 'fir') {
    if (o.dyno) body.dyno = o.dyno;
    if (o.type) body.type = o.type;
    return body;
  }
  const dyno = o.dyno || o.type;
  if (dyno) body.dyno = dyno;
  body.lines = Math.max(0, Math.min(1500, Math.floor(lines)));
  body.tail = o.tail ?? true;
  return body;
}

/** Heroku's answers that another attempt will not change. */
export function isFatal(e: HerokuError): boolean {
  if (e.id === 'cancelled' || e.id === 'no_token') return true;
  return e.status === 401 || e.status === 403 || e.status === 404 || e.status === 422 || e.status === 400;
}

export function failureText(e: HerokuError): string {
  return describeHerokuError(e);
}

export type Step<T> = { ok: true; value: T } | { ok: false; fatal: boolean; error: HerokuError };

/** The app's generation from GET /apps/{app} (3.sdk: a name; version 3: {id, name}); Cedar when it does not say. */
export async function detectGeneration(api: LogApi, app: string, signal: AbortSignal): Promise<Step<Generation>> {
  const r = await api.app(app, { signal });
  if (!r.ok) return { ok: false, fatal: isFatal(r.error), error: r.error };
  const g = r.value.generation;
  const name = typeof g === 'string' ? g : g?.name;
  return { ok: true, value: name === 'fir' ? 'fir' : 'cedar' };
}

export async function createSession(api: LogApi, app: string, body: LogSessionRequest, signal: AbortSignal): Promise<Step<string>> {
  const r = await api.createLogSession(app, body, { signal });
  if (!r.ok) return { ok: false, fatal: isFatal(r.error), error: r.error };
  return { ok: true, value: r.value.logplex_url };
}
