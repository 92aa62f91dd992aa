// Activation time in the real extension host (code-server), next to a trivial extension in the same host.
// Each run is a fresh host: code-server + Chromium on an empty folder (so nothing activates at start-up),
// both extensions installed by symlink (ours: a private snapshot of the production build), and bench/activate-probe timing getExtension(id).activate().
// The order alternates between runs. Prints the medians: activate_ms, activate_trivial_ms, and
// activate_ratio (the median of the per-run ratios); and activate_started_ms / activate_started_ratio, the time
// until our composition root has registered every feature (activation plus the start it defers by a tick).
//   HW_BENCH_RUNS (default 5)
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHost, repoRoot } from '../scripts/host/lib/host';
import { runInHost } from '../scripts/host/lib/run-in-host';
import { snapshotExtension } from '../scripts/host/lib/snapshot';
import { linkExtension } from '../scripts/host/lib/workbench';
import { makeTempRoot } from '../scripts/host/lib/workspace';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };
const ours = 'heroku-workflows.heroku-workflows';
const trivial = 'heroku-workflows-bench.trivial-extension';
const trivialPath = join(repoRoot, 'test', 'fixtures', 'trivial-extension');
const probePath = join(repoRoot, 'bench', 'activate-probe');

type ProbeResult = Record<string, { ms?: number; startedMs?: number; error?: string }>;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function oneRun(i: number, extensionPath: string): Promise<{ ours: number; oursStarted: number; trivial: number }> {
  const host = ensureHost(log);
  const tmp = makeTempRoot('bench-activate');
  try {
    const extensionsDir = join(tmp.dir, 'extensions');
    linkExtension(extensionsDir, extensionPath);
    linkExtension(extensionsDir, trivialPath);
    const folder = join(tmp.dir, 'empty-folder');
    mkdirSync(folder, { recursive: true });
    const out = join(tmp.dir, 'probe.json');
    const ids = i % 2 === 0 ? [trivial, ours] : [ours, trivial];
    const code = await runInHost({
      host, tmp: tmp.dir, folder, developmentPath: probePath, testsPath: join(probePath, 'probe.js'),
      extensionsDir, timeoutMs: 180_000, log,
      env: { HW_BENCH_IDS: ids.join(','), HW_BENCH_OUT: out },
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as ProbeResult;
    const a = result[ours]?.ms;
    const started = result[ours]?.startedMs;
    const b = result[trivial]?.ms;
    if (code !== 0 || a === undefined || b === undefined || started === undefined || Number.isNaN(started)) {
      throw new Error(`activation run ${i + 1} failed (exit ${code}): ${JSON.stringify(result)}`);
    }
    log(`[bench] run ${i + 1}: ${ours} ${a.toFixed(1)} ms (started ${started.toFixed(1)} ms), trivial ${b.toFixed(1)} ms (order: ${ids[0] === ours ? 'ours first' : 'trivial first'})`);
    return { ours: a, oursStarted: started, trivial: b };
  } finally {
    tmp.remove();
  }
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.HW_BENCH_RUNS ?? 5));
  const results: { ours: number; oursStarted: number; trivial: number }[] = [];
  const snap = makeTempRoot('bench-snapshot');
  try {
    const extensionPath = snapshotExtension(join(snap.dir, 'extension'), log);
    for (let i = 0; i < runs; i++) results.push(await oneRun(i, extensionPath));
  } finally {
    snap.remove();
  }
  const a = median(results.map((r) => r.ours));
  const b = median(results.map((r) => r.trivial));
  const round = (x: number): number => Math.round(x * 100) / 100;
  console.log(JSON.stringify({ name: 'activate_ms', value: round(a), unit: 'ms' }));
  console.log(JSON.stringify({ name: 'activate_trivial_ms', value: round(b), unit: 'ms' }));
  // Paired: each run's two figures come from the same host at the same moment, so their ratio is
  // steadier on a busy machine than the ratio of the two medians.
  const ratio = median(results.map((r) => r.ours / r.trivial));
  console.log(JSON.stringify({ name: 'activate_ratio', value: round(ratio), unit: 'x' }));
  console.log(JSON.stringify({ name: 'activate_started_ms', value: round(median(results.map((r) => r.oursStarted))), unit: 'ms' }));
  const startedRatio = median(results.map((r) => r.oursStarted / r.trivial));
  console.log(JSON.stringify({ name: 'activate_started_ratio', value: round(startedRatio), unit: 'x' }));
}

main().catch((err: unknown) => {
  log(`[bench] activate: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
