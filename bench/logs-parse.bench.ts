// Parse + format log lines, in plain Node, on the fake logplex's bulk mix (router lines with H12s, web and worker
// app lines; ~190 characters a line):
//   logs_parse_lines_per_s        parse + plain text (the output channel's path), median of 15 runs of 200,000
//                                 lines after 5 warm-up runs (goal ≥ 1,000,000)
//   logs_parse_ansi_lines_per_s   parse + ANSI colours (the CLI's path on a terminal), same method
//   logs_parse_filter_lines_per_s parse + a text filter + errors only + plain text
//   logs_parse_huge_line_ms       parse + ANSI + errors-only check of hostile 1 MiB lines (pairs, brackets, quotes, a
//                                 header then junk), median of 9; logs_parse_huge_line_4x_ratio is the same for 4 MiB
//                                 lines over it (linear time: about 4)
// Run: node bench/run.mjs logs-parse
// bench: as shipped
import { compileLogFilter } from '../src/core/logs/filter';
import { parseLogLine } from '../src/core/logs/parse';
import { ansiText, plainText } from '../src/core/logs/render';
import { BulkClock, bulkLine } from '../test/support/fake-heroku/logs/bulk-lines';

const N = 200_000;
const clock = new BulkClock(Date.UTC(2026, 10, 24, 8));
const lines = Array.from({ length: N }, (_, i) => bulkLine(i + 1, clock, { host: 'acme-web-production-1a2b3c4d5e6f.herokuapp.com' }));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Lines per second: median of `runs` passes over all lines after `warmup` passes. */
function rate(fn: (line: string) => string | undefined, warmup = 5, runs = 15): number {
  let sink = 0;
  const pass = (): number => {
    const t0 = process.hrtime.bigint();
    for (const l of lines) sink += fn(l)?.length ?? 0;
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  for (let i = 0; i < warmup; i++) pass();
  const secs = median(Array.from({ length: runs }, pass));
  if (sink === 0) throw new Error('nothing was formatted');
  return N / secs;
}

const filter = compileLogFilter({ text: 'items', errorsOnly: true });
if (!filter.ok) throw new Error(filter.error);
const figures: [string, number][] = [
  ['logs_parse_lines_per_s', rate((l) => plainText(parseLogLine(l)))],
  ['logs_parse_ansi_lines_per_s', rate((l) => ansiText(parseLogLine(l)))],
  ['logs_parse_filter_lines_per_s', rate((l) => {
    const p = parseLogLine(l);
    return filter.filter(p) ? plainText(p) : '';
  })],
];
for (const [name, value] of figures) process.stdout.write(JSON.stringify({ name, value: Math.round(value), unit: 'lines/s' }) + '\n');

const HOSTILE = ['a=b ', '[', '"', 'x', 'Error ', '2026-11-24T06:31:26+00:00 '];
function hugeMs(size: number): number {
  const inputs = HOSTILE.flatMap((unit) => {
    const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    return [body, `2026-11-24T06:31:26+00:00 heroku[router]: ${body}`, `<40>1 2026-11-24T06:31:26+00:00 host app web.1 - ${body}`];
  });
  const errorsOnly = compileLogFilter({ errorsOnly: true });
  if (!errorsOnly.ok) throw new Error(errorsOnly.error);
  const once = (): number => {
    const t0 = process.hrtime.bigint();
    for (const l of inputs) {
      const p = parseLogLine(l);
      ansiText(p);
      errorsOnly.filter(p);
    }
    return Number(process.hrtime.bigint() - t0) / 1e6 / inputs.length;
  };
  once();
  return median(Array.from({ length: 9 }, once));
}
const oneMb = hugeMs(1 << 20);
const fourMb = hugeMs(4 << 20);
process.stdout.write(JSON.stringify({ name: 'logs_parse_huge_line_ms', value: Math.round(oneMb * 100) / 100, unit: 'ms' }) + '\n');
process.stdout.write(JSON.stringify({ name: 'logs_parse_huge_line_4x_ratio', value: Math.round((fourMb / oneMb) * 100) / 100, unit: 'x' }) + '\n');
