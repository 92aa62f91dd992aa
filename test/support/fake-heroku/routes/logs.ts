import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { HttpError, invalidParams, notFound } from '../http';
import { serveDemo } from '../logs/demo';
import { validateLogScript, type LogRuntime } from '../logs/runtime';
import { LineWriter } from '../logs/writer';
import type { RouteContext, Router } from '../router';
import { newId } from '../state/ids';
import type { LogSession } from '../state/types';
import { logSessionView } from '../views/pipelines';
import { appParam, body, json, optBool, optInt, optString } from './helpers';

export type { LogRuntime };

/**
 * Log sessions (`POST /apps/{app}/log-sessions`), the fake logplex that serves their `logplex_url`, and its control
 * route (`/__fake/logs`: scripts, stats, session expiry). See the README's "Log sessions" section.
 */
export function logRoutes(r: Router, rt: LogRuntime): void {
  r.post('/apps/:app/log-sessions', (ctx) => {
    const b = body(ctx);
    const app = appParam(ctx);
    const source = optString(b, 'source') ?? null;
    if (source !== null && source !== 'app' && source !== 'heroku') throw invalidParams('source must be "app" or "heroku".');
    const lines = optInt(b, 'lines', 0) ?? 100;
    if (lines > 1500) throw invalidParams('lines must be at most 1500.');
    const at = ctx.state.now();
    const s: LogSession = {
      id: newId(), token: randomBytes(18).toString('base64url'), appId: app.id,
      dyno: optString(b, 'dyno') ?? optString(b, 'dyno_name') ?? null, type: optString(b, 'type') ?? null,
      source, lines, tail: optBool(b, 'tail') ?? false, createdAt: at, updatedAt: at,
    };
    ctx.state.logSessions.set(s.token, s);
    return json(logSessionView(s, ctx.baseUrl), 201);
  });
  r.get('/__logplex/:token', (ctx) => {
    const s = ctx.state.logSessions.get(ctx.params.token);
    if (!s) throw notFound('log session');
    const expired = rt.expiredStatus(s);
    if (expired) throw new HttpError(expired, expired === 410 ? 'gone' : 'not_found', 'This log session has expired; create a new one.');
    return { kind: 'raw', write: (res) => stream(ctx, s, res, rt) };
  }, { public: true });
  r.post('/__fake/logs', (ctx) => {
    const b = body(ctx);
    const app = appParam({ ...ctx, params: { app: optString(b, 'app') ?? '' } });
    const { app: _a, ...script } = b;
    rt.script(app.name, validateLogScript(script));
    return json({ app: app.name, script: rt.scriptOf(app.name) }, 201);
  });
  r.get('/__fake/logs/:app', (ctx) => {
    const app = appParam(ctx);
    return json({ app: app.name, script: rt.scriptOf(app.name), stats: rt.stats(app.name), openStreams: rt.openStreams });
  });
  r.post('/__fake/logs/expire', (ctx) => {
    const b = body(ctx);
    const status = optInt(b, 'status', 0);
    if (status !== undefined && status !== 404 && status !== 410) throw invalidParams('status must be 404 or 410.');
    rt.expireSessions({ status: status as 404 | 410 | undefined, cut: optBool(b, 'cut') });
    return json({ ok: true });
  });
}

function stream(ctx: RouteContext, session: LogSession, res: ServerResponse, rt: LogRuntime): void {
  const app = ctx.state.apps.get(session.appId);
  if (!app) throw notFound('app');
  const s = rt.scriptOf(app.name).fir ? { ...session, lines: 0, tail: true } : session;
  const sse = (ctx.req.headers.accept ?? '').includes('text/event-stream');
  const fault = ctx.fault?.drop && ctx.fault.afterBytes !== undefined ? ctx.fault : undefined;
  const writer = new LineWriter(res, sse, { ...rt.faultsFor(app.name), afterBytes: fault?.afterBytes });
  res.writeHead(200, sse
    ? { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' }
    : { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  rt.track(app.name, res, writer);
  const bulk = rt.bulkOf(app.name);
  const done = bulk
    ? bulk.serve(writer, s.lines).then((r) => {
      if (r === 'done' && (!s.tail || rt.scriptOf(app.name).end)) res.end();
    })
    : serveDemo(res, ctx.state, app, s, writer, rt.logIntervalMs);
  done.catch(() => res.destroy());
}
