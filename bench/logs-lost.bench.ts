// Lines lost across 100 injected drops, over loopback against the fake Heroku in its own process. Each connection
// is cut in the middle of a line after 2,000 lines (a Cedar reconnect replays up to 1,500 of those), and the app
// writes more lines while nobody reads:
//   logs_lost_lines             lines the fake wrote that never arrived, outside a gap marked "may be missing",
//                               in both runs below (goal 0)
//   logs_lost_lines_recoverable lines lost in all when 200 lines are written during each gap (the replay holds them)
//   logs_lost_lines_marked      lines lost in all when 3,000 are written during each gap (more than any replay holds):
//                               all inside marked gaps
//   logs_duplicate_lines        lines that arrived twice, both runs (goal 0)
// Run: node bench/run.mjs logs-lost
// bench: as shipped
import { HerokuClient } from '../src/infra/heroku/client';
import type { TailEvent } from '../src/infra/logstream/events';
import { tailLogs } from '../src/infra/logstream/tail';
import { seqOf } from '../test/support/fake-heroku/logs/bulk-lines';
import { APP, control, emit, startFakeProcess, type FakeProcess } from './logs-fake';

const DROPS = 100;

interface Outcome { emitted: number; lost: number; lostOutsideGaps: number; duplicates: number; reconnects: number; drops: number }

async function run(fake: FakeProcess, gapLines: number): Promise<Outcome> {
  const count = DROPS * 600 + 20_000 + DROPS * gapLines;
  await control(fake, 'POST', '/__fake/logs', { app: APP, mode: 'bulk', count, dropAfterLines: 2000, drops: DROPS, gapLines });
  const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
  const tail = tailLogs(client, { app: APP, generation: 'cedar', lines: 0, accept: 'plain', backoff: { baseMs: 5, maxMs: 50 } });
  const events: TailEvent[] = [];
  let last = 0;
  for await (const e of tail) {
    if (e.kind === 'end' && e.reason === 'failed') throw new Error(e.text);
    events.push(e);
    if (e.kind === 'lines') last = seqOf(e.lines[e.lines.length - 1]) ?? last;
    if (last === count) tail.stop();
  }
  const stats = ((await control(fake, 'GET', `/__fake/logs/${APP}`)) as { stats: { emitted: number; drops: number } }).stats;
  // Walk the stream: a line number missing between two received lines is inside a marked gap only when a
  // "may be missing" marker came between them.
  const seen = new Set<number>();
  let duplicates = 0;
  let lostOutsideGaps = 0;
  let previous = 0;
  let markedSince = false;
  let reconnects = 0;
  for (const e of events) {
    if (e.kind === 'reconnected') {
      reconnects++;
      if (e.missing) markedSince = true;
    }
    if (e.kind !== 'lines') continue;
    for (const l of e.lines) {
      const s = seqOf(l) ?? -1;
      if (seen.has(s)) duplicates++;
      seen.add(s);
      if (s > previous + 1 && !markedSince) lostOutsideGaps += s - previous - 1;
      previous = Math.max(previous, s);
      markedSince = false;
    }
  }
  return { emitted: stats.emitted, lost: stats.emitted - seen.size, lostOutsideGaps, duplicates, reconnects, drops: stats.drops };
}

async function main(): Promise<void> {
  const fake = await startFakeProcess();
  try {
    const recoverable = await run(fake, 200);
    const marked = await run(fake, 3000);
    for (const [name, o] of [['recoverable', recoverable], ['marked', marked]] as const) {
      if (o.drops !== DROPS) throw new Error(`${name}: the fake cut ${o.drops} connections, not ${DROPS}`);
      process.stderr.write(`[logs-lost] ${name}: ${JSON.stringify(o)}\n`);
    }
    emit('logs_lost_lines', recoverable.lostOutsideGaps + marked.lostOutsideGaps, 'lines', { drops: DROPS * 2 });
    emit('logs_lost_lines_recoverable', recoverable.lost, 'lines', { emitted: recoverable.emitted, drops: DROPS, gap_lines: 200 });
    emit('logs_lost_lines_marked', marked.lost, 'lines', { emitted: marked.emitted, drops: DROPS, gap_lines: 3000 });
    emit('logs_duplicate_lines', recoverable.duplicates + marked.duplicates, 'lines');
  } finally {
    await fake.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`logs-lost bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
