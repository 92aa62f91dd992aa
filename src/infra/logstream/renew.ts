// Fir log sessions are renewed every 15 minutes (the Heroku CLI recreates them on that timer). Closing the old
// stream before the new one is up would leave a gap, so the two overlap: the new stream's lines are held while the
// old one still delivers; after overlapMs (or when the old one ends) the old one is closed, and the held lines that
// the old stream already delivered are skipped (each delivered copy once), for one more overlapMs.
import { Connection } from './connection';
import { createSession, sessionBody } from './session';
import type { Tail } from './tail';

export async function renewSession(t: Tail): Promise<boolean> {
  const signal = t.ac.signal;
  const s = await createSession(t.api, t.o.app, sessionBody('fir', t.o, 0), signal);
  if (!s.ok || signal.aborted) return false;
  const held: string[] = [];
  let heldChars = 0;
  let switchNow: () => void = () => undefined;
  // Held lines are bounded: past 8 Mi characters the overlap ends early.
  const next: Connection = t.connect(s.value, (line) => {
    held.push(line);
    heldChars += line.length;
    if (heldChars > 8 << 20) switchNow();
  });
  const opened = await next.open();
  const old = t.conn;
  if (!opened.ok || signal.aborted || !old) {
    next.close();
    return false;
  }
  next.start();
  const seen = new Map<string, number>();
  old.onLine = (line) => {
    seen.set(line, (seen.get(line) ?? 0) + 1);
    t.onLine(line);
  };
  const overlapMs = t.o.overlapMs ?? 3000;
  const overlap = new Promise<void>((resolve) => {
    switchNow = resolve;
    const timer = t.clock.setTimer(resolve, overlapMs);
    signal.addEventListener('abort', () => { timer.dispose(); resolve(); }, { once: true });
  });
  t.queue.push({ kind: 'state', state: 'live', detail: 'renewing the log session' });
  await Promise.race([overlap, old.done]);
  if (signal.aborted) {
    next.close();
    return false;
  }
  const dedupe = (line: string): void => {
    const n = seen.get(line);
    if (n === undefined) {
      t.onLine(line);
    } else if (n <= 1) {
      seen.delete(line);
    } else {
      seen.set(line, n - 1);
    }
  };
  t.conn = next;
  if (t.queue.isPaused) next.pause();
  else next.resume();
  next.onLine = dedupe;
  for (const l of held) dedupe(l);
  old.close();
  t.clock.setTimer(() => {
    if (next.onLine === dedupe) next.onLine = (l) => t.onLine(l);
    seen.clear();
  }, overlapMs);
  t.queue.push({ kind: 'state', state: 'live', detail: 'log session renewed' });
  return true;
}
