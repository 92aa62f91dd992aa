// The pipeline diagram in the real extension host (code-server) against the fake Heroku over loopback:
//   pipeline_render_100_ms   a pipeline with 4 stages, 100 review apps and 20 CI runs, from `heroku.openPipeline` to the page's
//                            report that it drew the complete diagram (median of HW_BENCH_RUNS, default 5; goal ≤ 300)
//   pipeline_render_first_ms the same, until the first drawing (lists read, details still coming)
//   heroku_cli_pipelines_info_ms / pipeline_render_vs_cli_ratio
//                            `heroku pipelines:info bigco-shop` (the npm `heroku` CLI) against the same fake, its own
//                            HOME, HEROKU_DISABLE_AUTOUPDATE=1, through bench/pipeline-filters-shim.ts (POST /filters/apps,
//                            which the fake lacks); installed on first use into
//                            ~/.cache/heroku-workflows/bench-anchors/heroku-cli under a lock
//   pipeline_update_ms       from a promotion's last target finishing in the fake (its due time) to the page drawing
//                            the new release (includes the 1 s promotion poll)
// The pipeline is the fake's `large-pipeline` seed: bigco-shop, 2 apps in each of development, staging and
// production, 100 review apps, 20 Heroku CI runs.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureHost, repoRoot } from '../scripts/host/lib/host';
import { runInHost } from '../scripts/host/lib/run-in-host';
import { makeTempRoot } from '../scripts/host/lib/workspace';
import { startFakeHeroku, type FakeHeroku } from '../test/support/fake-heroku';
import { startFiltersShim } from './pipeline-filters-shim';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };
const emit = (name: string, value: number, unit: string): void => { process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 100) / 100, unit })}\n`); };
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const PIPELINE = 'bigco-shop';

function pipelineId(fake: FakeHeroku): string {
  const p = [...fake.state.pipelines.values()].find((x) => x.name === PIPELINE);
  if (!p) throw new Error(`the large-pipeline seed has no ${PIPELINE} pipeline`);
  return p.id;
}

/** The npm `heroku` CLI, installed once per machine (other benchmarks share the folder: one install at a time). */
function herokuCli(): string {
  const dir = join(homedir(), '.cache', 'heroku-workflows', 'bench-anchors', 'heroku-cli');
  const bin = join(dir, 'node_modules', 'heroku', 'bin', 'run.js');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    log('[bench] installing the heroku CLI (npm heroku@11.10.0) into the bench-anchors cache…');
    execFileSync('flock', [join(dir, '..', '.heroku-cli.lock'), 'npm', 'install', 'heroku@11.10.0', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return bin;
}

/** Runs the CLI without blocking this process's event loop: the fake answering it lives here. */
function runCli(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

async function timeCli(fake: FakeHeroku, runs: number): Promise<number | undefined> {
  const bin = herokuCli();
  const tmp = makeTempRoot('bench-heroku-cli');
  const shim = await startFiltersShim(fake.url);
  try {
    // HEROKU_HOST is what @heroku-cli/command reads for the API's address (vars.apiUrl: the host itself when it starts with http).
    const env = { PATH: process.env.PATH ?? '', HOME: tmp.dir, XDG_CACHE_HOME: join(tmp.dir, 'cache'), XDG_DATA_HOME: join(tmp.dir, 'data'), XDG_CONFIG_HOME: join(tmp.dir, 'config'),
      HEROKU_HOST: shim.url, HEROKU_API_KEY: fake.apiKey, HEROKU_DISABLE_AUTOUPDATE: '1', DISABLE_TELEMETRY: 'true' };
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const r = await runCli(bin, ['pipelines:info', PIPELINE], env);
      const ms = performance.now() - t0;
      if (r.code !== 0) {
        log(`[bench] heroku pipelines:info failed (exit ${r.code}): ${`${r.stderr}\n${r.stdout}`.replace(/\s*›\s*/g, ' ').replace(/^[\s\S]*?(?=Error:)/, '').trim().slice(0, 300)}`);
        return undefined;
      }
      if (i === 0) log(`[bench] heroku pipelines:info printed ${r.stdout.split('\n').length} lines`);
      else times.push(ms); // the first run fills oclif's caches
    }
    return median(times);
  } finally {
    await shim.close();
    tmp.remove();
  }
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.env.HW_BENCH_RUNS ?? 5));
  if (!existsSync(join(repoRoot, 'dist', 'pipeline.js')) || !existsSync(join(repoRoot, 'media', 'pipeline.js'))) throw new Error('build first (npm run bench builds)');
  const fake = await startFakeHeroku({ seed: 'large-pipeline', validate: false });
  const tmp = makeTempRoot('bench-pipeline');
  try {
    const id = pipelineId(fake);
    const cli = await timeCli(fake, runs);
    fake.state.promotionMs = 1500;
    const host = ensureHost(log);
    const folder = join(tmp.dir, 'empty-folder');
    mkdirSync(folder, { recursive: true });
    const out = join(tmp.dir, 'probe.json');
    const code = await runInHost({
      host, tmp: tmp.dir, folder, developmentPath: repoRoot, testsPath: join(repoRoot, 'bench', 'pipeline-probe.js'), timeoutMs: 300_000, log,
      env: { HW_BENCH_OUT: out, HW_BENCH_RUNS: String(runs), HW_BENCH_KEY: fake.apiKey, HW_BENCH_PIPELINE_ID: id, HW_BENCH_PIPELINE: PIPELINE, HEROKU_API_URL: fake.url, HEROKU_API_KEY: undefined },
    });
    if (code !== 0 || !existsSync(out)) throw new Error(`the probe failed (exit ${code})`);
    const r = JSON.parse(readFileSync(out, 'utf8')) as { results: { created: number; ready: number; firstSent: number; completeSent: number; first: number; complete: number; drawn: number; cards: number; runs: number; stages: string[] }[]; shownAt: number };
    const warm = r.results.shift();
    if (warm) log(`[bench] warm-up (first webview of the host, bundle load): drawn after ${warm.complete.toFixed(0)} ms (data sent after ${warm.completeSent.toFixed(0)} ms)`);
    const first = r.results[0];
    log(`[bench] ${first.cards} cards in ${first.stages.length} stages (${first.stages.join(', ')}), ${first.runs} CI runs, ${first.drawn} drawn before "Show more"; complete ms per run: ${r.results.map((x) => x.complete.toFixed(0)).join(', ')} `);
    for (const x of r.results) log(`[bench]   panel ${x.created.toFixed(0)} ms, page ready ${x.ready.toFixed(0)}, lists sent ${x.firstSent.toFixed(0)}, details sent ${x.completeSent.toFixed(0)}, drawn ${x.complete.toFixed(0)}`);
    const complete = median(r.results.map((x) => x.complete));
    emit('pipeline_render_100_ms', complete, 'ms');
    emit('pipeline_render_first_ms', median(r.results.map((x) => x.first)), 'ms');
    if (cli !== undefined) {
      emit('heroku_cli_pipelines_info_ms', cli, 'ms');
      emit('pipeline_render_vs_cli_ratio', complete / cli, 'x');
    }
    const promo = [...fake.state.promotions.values()].sort((a, b) => b.dueAt - a.dueAt)[0];
    if (!promo) throw new Error('no promotion reached the fake');
    emit('pipeline_update_ms', r.shownAt - promo.dueAt, 'ms');
  } finally {
    await fake.close();
    tmp.remove();
  }
}

main().catch((err: unknown) => {
  log(`[bench] pipeline: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  process.exitCode = 1;
});
