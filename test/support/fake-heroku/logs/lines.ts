import type { FakeState } from '../state/store';
import type { App, LogEvent } from '../state/types';
import { webUrl } from '../views/apps';

/** `2026-11-24T08:00:00.123456+00:00`: logplex's timestamp with microseconds. */
export function logTimestamp(ms: number, micros = 0): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}+00:00`;
}

export function formatLine(e: LogEvent): string {
  return `${logTimestamp(e.time, e.seq * 37)} ${e.source}[${e.dyno}]: ${e.message}`;
}

/** A small deterministic PRNG (mulberry32) so generated traffic is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ['/', '/api/orders', '/api/orders/1042', '/login', '/assets/app.css', '/healthz', '/api/invoices?page=2',
  '/api/search?q=coffee', '/favicon.ico', '/old-pricing', '/wp-login.php', '/api/uploads', '/account/settings', '/api/orders/1042/refund'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'GET', 'GET', 'PATCH', 'GET', 'GET', 'GET', 'POST', 'POST', 'GET', 'POST'];
/** Statuses a path answers with, the first most often: a realistic spread of 2xx, 3xx, 4xx and the odd 5xx. */
const STATUSES: number[][] = [[200, 304], [200], [200, 404], [302, 200, 401], [200, 304, 304], [200], [200],
  [200, 200, 500], [404, 200], [301], [404], [201, 413], [200, 302], [422, 200, 500]];

/**
 * One synthetic event of live traffic for an app: router requests to up web dynos (H10 when the web dynos
 * crashed, H14 when none run), app output from web and worker dynos. `n` advances the sequence.
 */
export function trafficEvent(state: FakeState, app: App, n: number, time: number): Omit<LogEvent, 'seq'> {
  const rnd = prng(n * 7919 + app.name.length);
  const dynos = state.appsOf(state.dynos, app.id);
  const web = dynos.filter((d) => d.type === 'web');
  const up = web.filter((d) => d.state === 'up');
  const host = new URL(webUrl(app)).host;
  const reqId = `${Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0')}-${n.toString(16).padStart(4, '0')}-4c1d-9e2f-${(n * 104729).toString(16).padStart(12, '0').slice(-12)}`;
  const fwd = `203.0.113.${1 + Math.floor(rnd() * 250)}`;
  const i = Math.floor(rnd() * PATHS.length);
  const route = `method=${METHODS[i]} path="${PATHS[i]}" host=${host} request_id=${reqId} fwd="${fwd}"`;
  const kind = n % 4;
  if (web.length === 0 || (up.length === 0 && web.some((d) => d.state === 'crashed'))) {
    const code = web.length === 0 ? 'H14 desc="No web processes running"' : 'H10 desc="App crashed"';
    if (kind !== 3 || web.length === 0) {
      return { time, source: 'heroku', dyno: 'router', message: `at=error code=${code} ${route} dyno= connect= service= status=503 bytes= protocol=https` };
    }
  }
  const dyno = up[n % Math.max(1, up.length)]?.name ?? 'web.1';
  const worker = dynos.find((d) => d.type !== 'web' && d.state === 'up');
  if (kind === 1) return { time, source: 'app', dyno, message: `${METHODS[i]} ${PATHS[i]} ${200 + (i === 3 ? 2 : 0)} ${5 + Math.floor(rnd() * 80)}ms` };
  if (kind === 2 && worker) return { time, source: 'app', dyno: worker.name, message: `Processed job ${1000 + n} (SendInvoiceEmail) in ${20 + Math.floor(rnd() * 400)}ms` };
  const choices = STATUSES[i];
  const status = rnd() < 0.8 ? choices[0] : choices[Math.floor(rnd() * choices.length)];
  return {
    time, source: 'heroku', dyno: 'router',
    message: `at=info ${route} dyno=${dyno} connect=${Math.ceil(rnd() * 2)}ms service=${3 + Math.floor(rnd() * 90)}ms status=${status} bytes=${400 + Math.floor(rnd() * 9000)} protocol=https`,
  };
}

/**
 * The events of one tick of live traffic: usually one line (trafficEvent), now and then an H12 (a request the router
 * timed out after 30 s) or a dyno over its memory quota (R14), as a newcomer would meet them in a real app.
 */
export function trafficEvents(state: FakeState, app: App, n: number, time: number): Omit<LogEvent, 'seq'>[] {
  const up = state.appsOf(state.dynos, app.id).filter((d) => d.state === 'up');
  const web = up.filter((d) => d.type === 'web');
  if (n % 53 === 17 && web.length > 0) {
    const dyno = web[n % web.length].name;
    const host = new URL(webUrl(app)).host;
    const reqId = `${(n * 2654435761 >>> 0).toString(16).padStart(8, '0')}-5e1b-4f0a-8c3d-${String(n).padStart(12, '0')}`;
    return [{ time, source: 'heroku', dyno: 'router', message: `at=error code=H12 desc="Request timeout" method=GET path="/reports/export?year=2026" host=${host} request_id=${reqId} fwd="198.51.100.${n % 250}" dyno=${dyno} connect=1ms service=30000ms status=503 bytes=0 protocol=https` }];
  }
  if (n % 71 === 29 && up.length > 0) {
    const dyno = up[n % up.length].name;
    const mem = 520 + (n % 90);
    return [
      { time, source: 'heroku', dyno, message: `Process running mem=${mem}M(${((mem / 512) * 100).toFixed(1)}%)` },
      { time, source: 'heroku', dyno, message: 'Error R14 (Memory quota exceeded)' },
    ];
  }
  return [trafficEvent(state, app, n, time)];
}

/** The log history before `now`: boot of each dyno, the latest release, crashes, idling, then some traffic. */
export function historyEvents(state: FakeState, app: App, now: number): Omit<LogEvent, 'seq'>[] {
  const out: Omit<LogEvent, 'seq'>[] = [];
  let t = now - 30 * 60_000;
  const at = (): number => (t += 1_234);
  const rel = state.currentRelease(app.id);
  if (rel) {
    out.push({ time: at(), source: 'app', dyno: 'api', message: `${rel.description} by user ${state.account.email}` });
    out.push({ time: at(), source: 'app', dyno: 'api', message: `Release v${rel.version} created by user ${state.account.email}` });
  }
  for (const d of state.appsOf(state.dynos, app.id)) {
    out.push({ time: at(), source: 'heroku', dyno: d.name, message: `Starting process with command \`${d.command}\`` });
    if (d.state === 'starting') continue;
    out.push({ time: at(), source: 'heroku', dyno: d.name, message: 'State changed from starting to up' });
    if (d.type === 'web') out.push({ time: at(), source: 'app', dyno: d.name, message: `Listening on port ${5000 + Number(d.name.split('.')[1] ?? 0)}` });
    if (d.state === 'crashed') {
      out.push({ time: at(), source: 'app', dyno: d.name, message: 'Error: connect ECONNREFUSED 10.1.2.3:5432' });
      out.push({ time: at(), source: 'heroku', dyno: d.name, message: 'Process exited with status 1' });
      out.push({ time: at(), source: 'heroku', dyno: d.name, message: 'State changed from up to crashed' });
    } else if (d.state === 'idle') {
      out.push({ time: at(), source: 'heroku', dyno: d.name, message: 'Idling' });
      out.push({ time: at(), source: 'heroku', dyno: d.name, message: 'State changed from up to down' });
      out.push({ time: at(), source: 'heroku', dyno: d.name, message: 'Stopping all processes with SIGTERM' });
    }
  }
  const idle = state.appsOf(state.dynos, app.id).every((d) => d.state === 'idle') && state.appsOf(state.dynos, app.id).length > 0;
  for (let n = 0; n < 40 && !idle; n++) out.push(trafficEvent(state, app, n, at()));
  return out;
}

/** Heroku's filters: source `app`/`heroku`; dyno `web.1` (exact), `web` (the type), `router`, `api`. */
export function matchesFilter(e: Pick<LogEvent, 'source' | 'dyno'>, f: { source: string | null; dyno: string | null }): boolean {
  if (f.source && e.source !== f.source) return false;
  if (f.dyno && e.dyno !== f.dyno && e.dyno.split('.')[0] !== f.dyno) return false;
  return true;
}
