// The demo stream of an app: its story (boots, crashes, the latest release, some traffic), then with `tail` one tick
// of live traffic each `logIntervalMs` (platform events first: restarts, scaling, releases), until the reader goes.
import type { ServerResponse } from 'node:http';
import type { FakeState } from '../state/store';
import type { App, LogEvent, LogSession } from '../state/types';
import { formatLine, historyEvents, matchesFilter, trafficEvents } from './lines';
import type { LineWriter } from './writer';

type Event = Omit<LogEvent, 'seq'> & { seq?: number };

export async function serveDemo(res: ServerResponse, state: FakeState, app: App, s: LogSession, writer: LineWriter, intervalMs: number): Promise<void> {
  const filter = { source: s.source, dyno: s.dyno ?? s.type };
  let id = 0;
  const write = async (events: Event[]): Promise<boolean> => {
    const lines = events.filter((e) => matchesFilter(e, filter)).map((e) => formatLine({ seq: e.seq ?? id + 1, ...e }));
    const r = await writer.write(lines, id + 1);
    id += lines.length;
    return r.outcome === 'ok';
  };
  const events = state.logEvents.get(app.id) ?? [];
  const history: Event[] = [...historyEvents(state, app, state.clock() - 1000), ...events].filter((e) => matchesFilter(e, filter));
  history.splice(0, Math.max(0, history.length - s.lines));
  if (!(await write(history))) return;
  if (!s.tail) {
    res.end();
    return;
  }
  let lastSeq = events.at(-1)?.seq ?? 0;
  let n = 1000;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    state.settle();
    const fresh = (state.logEvents.get(app.id) ?? []).filter((e) => e.seq > lastSeq);
    lastSeq = fresh.at(-1)?.seq ?? lastSeq;
    const out = fresh.length > 0 ? fresh : trafficEvents(state, app, n++, state.clock());
    void write(out).then((ok) => {
      busy = false;
      if (!ok) clearInterval(timer);
    });
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}
