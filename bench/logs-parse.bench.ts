// Parse + format log lines, in plain Node, on the fake logplex's bulk mix (router lines with H12s, web and worker
// app lines; ~190 characters a line):
//   logs_parse_lines_per_s        parse + plain text (the output channel's path), median of 15 runs of 200,000
//                                 lines after 5 warm-up runs (goal ≥ 1,000,000)
//   logs_parse_ansi_lines_per_s   parse + ANSI colours (the CLI's path on a terminal), same method
//   logs_parse_filter_lines_per_s parse + a text filter + errors only + plain text
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
