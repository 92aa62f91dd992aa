// app.json linting speed (plain Node, the full linter: strict parse, precompiled schema, semantic checks):
//   appjson_validate_typical_us   a typical manifest (test/fixtures/appjson/real/mastodon__mastodon.json, 3.4 kB,
//                                 with a Procfile beside it), median of 2000 runs after 200 warm-up runs
//   appjson_validate_1mb_ms       a 1 MB manifest (about 8,500 env vars, formation, add-ons), median of 15 runs
//                                 after 3 warm-up runs
// Goals: typical <= 1000 us, 1 MB <= 50 ms. Run: npx tsx bench/appjson.bench.ts
// bench: as shipped
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintAppJson } from '../src/core/appjson/lint';

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(JSON.stringify({ name, value, unit }) + '\n');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(runs: number, warmup: number, fn: () => unknown): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

function manifestWith(n: number): string {
  const env: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    env[`SETTING_${i}`] = i % 3 === 0 ? `value-${i}` : { description: `Setting number ${i}, which configures part ${i % 97} of the app.`, value: String(i), required: false };
  }
  const formation: Record<string, unknown> = {};
  for (let f = 0; f < 50; f++) formation[`proc${f}`] = { quantity: 1, size: f % 2 ? 'standard-1x' : 'Standard-2X' };
  const addons = Array.from({ length: 200 }, (_, a) => ({ plan: `addon-${a}:plan-${a}`, as: `ADDON_${a}` }));
  return JSON.stringify({ name: 'big', env, formation, addons, stack: 'heroku-24' }, null, 2);
}

/** A manifest of about `targetBytes` (pretty-printed, as people write them). */
function bigManifest(targetBytes: number): string {
  let n = 1000;
  let text = manifestWith(n);
  while (text.length < targetBytes) {
    n = Math.ceil((n * targetBytes) / text.length) + 10;
    text = manifestWith(n);
  }
  return text;
}

const typical = readFileSync(join(__dirname, '../test/fixtures/appjson/real/mastodon__mastodon.json'), 'utf8');
const procfile = 'web: bundle exec puma\nworker: bundle exec sidekiq\n';
const readSibling = (n: string) => (n === 'Procfile' ? procfile : undefined);
const typicalProblems = lintAppJson({ text: typical, readSibling }).length;
emit('appjson_validate_typical_us', Math.round(median(time(2000, 200, () => lintAppJson({ text: typical, readSibling }))) * 1000), 'us');

const big = bigManifest(1024 * 1024);
const procs = Array.from({ length: 50 }, (_, f) => `proc${f}: run ${f}`).join('\n');
const bigProblems = lintAppJson({ text: big, readSibling: (n) => (n === 'Procfile' ? procs : undefined) }).length;
emit('appjson_validate_1mb_ms', Number(median(time(15, 3, () => lintAppJson({ text: big, readSibling: () => procs }))).toFixed(2)), 'ms');
process.stderr.write(`[bench] typical ${typical.length} chars -> ${typicalProblems} problems; big ${big.length} chars -> ${bigProblems} problems\n`);
