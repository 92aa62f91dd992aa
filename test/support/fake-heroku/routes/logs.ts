import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { invalidParams, notFound } from '../http';
import { formatLine, historyEvents, matchesFilter, trafficEvent } from '../logs/lines';
import type { RouteContext, Router } from '../router';
import { newId } from '../state/ids';
import type { LogEvent, LogSession } from '../state/types';
import { logSessionView } from '../views/pipelines';
import { appParam, body, json, optBool, optInt, optString } from './helpers';

export interface LogRuntime {
  logIntervalMs: number;
  /** Live streams, ended when the fake closes. */
  streams: Set<ServerResponse>;
}

/** Log sessions (`POST /apps/{app}/log-sessions`) and the fake logplex that serves their `logplex_url`. */
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
    return { kind: 'raw', write: (res) => stream(ctx, s, res, rt) };
  }, { public: true });
}

function stream(ctx: RouteContext, s: LogSession, res: ServerResponse, rt: LogRuntime): void {
  const app = ctx.state.apps.get(s.appId);
  if (!app) throw notFound('app');
  const sse = (ctx.req.headers.accept ?? '').includes('text/event-stream');
  const filter = { source: s.source, dyno: s.dyno ?? s.type };
  let sent = 0;
  let id = 0;
  const fault = ctx.fault?.drop && ctx.fault.afterBytes !== undefined ? ctx.fault : undefined;
  const write = (e: Omit<LogEvent, 'seq'> & { seq?: number }): boolean => {
    const line = formatLine({ seq: e.seq ?? ++id, ...e });
    const chunk = sse ? `id: ${++id}\ndata: ${line}\n\n` : `${line}\n`;
    if (fault && sent + Buffer.byteLength(chunk) > (fault.afterBytes ?? 0)) {
      res.write(chunk.slice(0, Math.max(0, (fault.afterBytes ?? 0) - sent)), () => res.socket?.destroy());
      return false;
    }
    sent += Buffer.byteLength(chunk);
    res.write(chunk);
    return true;
  };
  res.writeHead(200, sse
    ? { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' }
    : { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  const state = ctx.state;
  const events = state.logEvents.get(app.id) ?? [];
  const history: (Omit<LogEvent, 'seq'> & { seq?: number })[] = [...historyEvents(state, app, state.clock() - 1000), ...events]
    .filter((e) => matchesFilter(e, filter));
  history.splice(0, Math.max(0, history.length - s.lines));
  for (const e of history) if (!write(e)) return;
  if (!s.tail) {
    res.end();
    return;
  }
  rt.streams.add(res);
  let lastSeq = events.at(-1)?.seq ?? 0;
  let n = 1000;
  const timer = setInterval(() => {
    state.settle();
    const fresh = (state.logEvents.get(app.id) ?? []).filter((e) => e.seq > lastSeq);
    lastSeq = fresh.at(-1)?.seq ?? lastSeq;
    const out = fresh.length > 0 ? fresh : [trafficEvent(state, app, n++, state.clock())];
    for (const e of out.filter((x) => matchesFilter(x, filter))) if (!write(e)) return;
  }, rt.logIntervalMs);
  res.on('close', () => {
    clearInterval(timer);
    rt.streams.delete(res);
  });
}
