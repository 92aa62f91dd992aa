// The editor's log tail end to end, short of VS Code itself: the fake Heroku in its own process sends numbered bulk
// lines as fast as they are read; the extension's LogTailer (src/infra/logstream/tailer.ts) and the logs feature's
// AppTail (src/vscode/logs/app-tail.ts: ChannelText parse, filter, escape, one append per batch) write them into a
// sink standing for the output channel, through the redactor as the feature does.
//   logs_channel_lines_per_s          lines/s from the tail's start to the last line in the sink, median of 3 runs
//                                     after a warm-up (LOGS_CHANNEL_LINES, default 300,000)
//   logs_channel_appends_per_1k_lines channel appends per 1,000 lines (batching: far below 1,000)
// Run: node bench/run.mjs logs-channel
// bench: as shipped
import { Redactor } from '../src/core/redact';
import { HerokuClient } from '../src/infra/heroku/client';
import { createLogTailer } from '../src/infra/logstream/tailer';
import { AppTail } from '../src/vscode/logs/app-tail';
import { APP, control, emit, startFakeProcess, type FakeProcess } from './logs-fake';

const N = Number(process.env.LOGS_CHANNEL_LINES ?? 300_000);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(fake: FakeProcess, n: number): Promise<{ rate: number; appendsPer1k: number }> {
  await control(fake, 'POST', '/__fake/logs', { app: APP, mode: 'bulk', count: n, end: true });
  const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
  const redactor = new Redactor();
  redactor.add(fake.apiKey);
  let chars = 0;
  let appends = 0;
  const tail = new AppTail({
    app: APP,
    // Cedar without history: the bulk app's lines once each.
    tailer: (r) => createLogTailer(() => client, 'bench')({ ...r, lines: 0 }),
    sink: { append: (text) => { chars += redactor.redact(text).length; appends++; } },
    timeOfDay: () => '00:00:00',
    now: () => Date.now(),
    onChange: () => undefined,
    onError: (err) => { throw err; },
  });
  const t0 = performance.now();
  tail.start({});
  while (tail.written < n && tail.running) await new Promise((r) => setTimeout(r, 2));
  const ms = performance.now() - t0;
  tail.stop('bench');
  await tail.done;
  if (tail.written !== n) throw new Error(`wrote ${tail.written} of ${n} lines`);
  if (chars === 0) throw new Error('nothing reached the sink');
  return { rate: n / (ms / 1000), appendsPer1k: (appends / Math.max(1, tail.written)) * 1000 };
}

async function main(): Promise<void> {
  const fake = await startFakeProcess();
  try {
    await run(fake, Math.min(N, 50_000));
    const runs = [await run(fake, N), await run(fake, N), await run(fake, N)];
    emit('logs_channel_lines_per_s', Math.round(median(runs.map((r) => r.rate))), 'lines/s', { lines: N });
    emit('logs_channel_appends_per_1k_lines', Number(median(runs.map((r) => r.appendsPer1k)).toFixed(2)), 'appends');
  } finally {
    await fake.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
