// Tail throughput over loopback, the fake Heroku in its own process sending 1,000,000 numbered bulk lines (a mix of
// router, web and worker lines, ~190 characters) as fast as they are read:
//   logs_tail_lines_per_s            ours over SSE: session, stream, parser, filter, plain text, one append per batch
//                                    (the output channel's sink), lines/s from the first line to the last, median of 3
//                                    runs after a warm-up run (goal ≥ 500,000)
//   logs_tail_plain_lines_per_s      the same over plain chunked text
//   logs_tail_cpu_lines_per_s        SSE lines per CPU-second of this process (steadier than wall time on a shared machine)
//   logs_tail_peak_rss_mb            this process's peak RSS while those lines pass, above its RSS when idle after a
//                                    1,000-line tail (modules loaded; goal < 50); logs_tail_rss_growth_mb: the last run's
//                                    peak minus the first run's (flat: about 0)
//   logs_tail_curl_lines_per_s       anchor: curl reading the raw plain stream to /dev/null (the wire's speed here)
//   logs_tail_heroku_cli_lines_per_s anchor: the npm `heroku` CLI's `heroku logs --tail` on the same stream (its own
//                                    HOME, HEROKU_DISABLE_AUTOUPDATE=1, HEROKU_HOST=<fake>), first line to last
//   logs_tail_vs_heroku_cli_ratio, logs_tail_vs_curl_ratio   ours (SSE) over each anchor, same run
// An anchor that cannot run says why on stderr and is skipped. The heroku CLI is installed on first use into
// ~/.cache/heroku-workflows/bench-anchors/heroku-cli (outside the repo). LOGS_BENCH_LINES changes the count.
// Run: node bench/run.mjs logs-tail
// bench: as shipped
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HerokuClient } from '../src/infra/heroku/client';
import { tailLogs } from '../src/infra/logstream/tail';
import { APP, ChannelSink, control, emit, logplexUrl, rssSampler, startFakeProcess, type FakeProcess } from './logs-fake';

const N = Number(process.env.LOGS_BENCH_LINES ?? 1_000_000);
const CLI_DIR = join(homedir(), '.cache', 'heroku-workflows', 'bench-anchors', 'heroku-cli');
const CLI_VERSION = '11.10.0';

async function bulk(fake: FakeProcess, count = N): Promise<void> {
  await control(fake, 'POST', '/__fake/logs', { app: APP, mode: 'bulk', count, end: true });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Ours: lines/s from the first line to the N-th, lines per CPU-second, and the peak RSS. */
async function ours(fake: FakeProcess, accept: 'sse' | 'plain', n = N): Promise<{ rate: number; cpuRate: number; peak: number }> {
  await bulk(fake, n);
  const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
  const sink = new ChannelSink();
  const rss = rssSampler();
  const tail = tailLogs(client, { app: APP, generation: 'cedar', lines: 0, accept });
  let first = 0;
  let last = 0;
  let cpu0 = process.cpuUsage();
  let cpu = 0;
  for await (const e of tail) {
    if (e.kind === 'end' && e.reason === 'failed') throw new Error(e.text);
    if (e.kind !== 'lines') continue;
    if (!first) {
      first = performance.now();
      cpu0 = process.cpuUsage();
    }
    sink.append(e.lines);
    if (sink.lines >= n) {
      last = performance.now();
      const c = process.cpuUsage(cpu0);
      cpu = (c.user + c.system) / 1e6;
      tail.stop();
    }
  }
  const peak = rss.stop();
  if (sink.lines !== n) throw new Error(`received ${sink.lines} of ${n} lines`);
  return { rate: n / ((last - first) / 1000), cpuRate: n / cpu, peak };
}

/** A warm-up run, then the median of three. */
async function oursMedian(fake: FakeProcess, accept: 'sse' | 'plain'): Promise<{ rate: number; cpuRate: number; peak: number; firstPeak: number; lastPeak: number }> {
  await ours(fake, accept, Math.min(N, 100_000));
  const runs = [await ours(fake, accept), await ours(fake, accept), await ours(fake, accept)];
  return {
    rate: median(runs.map((r) => r.rate)), cpuRate: median(runs.map((r) => r.cpuRate)), peak: Math.max(...runs.map((r) => r.peak)),
    firstPeak: runs[0].peak, lastPeak: runs[2].peak,
  };
}

async function curl(fake: FakeProcess): Promise<number | string> {
  if (spawnSync('curl', ['--version']).status !== 0) return 'curl is not installed';
  await bulk(fake);
  const url = await logplexUrl(fake, { tail: true, lines: 0 });
  const t0 = performance.now();
  const r = spawnSync('curl', ['-sS', '-N', '-H', 'Accept: text/plain', '-o', '/dev/null', '-w', '%{size_download}', url], { encoding: 'utf8' });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) return `curl failed: ${r.stderr.trim()}`;
  return N / secs;
}

function ensureHerokuCli(): string | undefined {
  const bin = join(CLI_DIR, 'node_modules', 'heroku', 'bin', 'run.js');
  if (existsSync(bin)) return bin;
  mkdirSync(CLI_DIR, { recursive: true });
  process.stderr.write(`[logs-tail] installing heroku@${CLI_VERSION} into ${CLI_DIR} (first use)\n`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', CLI_DIR, `heroku@${CLI_VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  return r.status === 0 && existsSync(bin) ? bin : undefined;
}

/** `heroku logs --tail` with its own HOME; lines/s from its first output line to the N-th. */
async function herokuCli(fake: FakeProcess, color: boolean): Promise<number | string> {
  const bin = ensureHerokuCli();
  if (!bin) return 'could not install the heroku CLI';
  await bulk(fake);
  const home = mkdtempSync(join(tmpdir(), 'hw-heroku-cli-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'), HEROKU_DISABLE_AUTOUPDATE: '1', DISABLE_TELEMETRY: 'true',
    HEROKU_HOST: fake.url, HEROKU_API_KEY: fake.apiKey, ...(color ? { FORCE_COLOR: '1' } : { HEROKU_LOGS_COLOR: '0' }),
  };
  try {
    return await new Promise<number | string>((resolve) => {
      const p = spawn(process.execPath, [bin, 'logs', '--app', APP, '--tail', '--num', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let n = 0;
      let first = 0;
      let err = '';
      const limit = setTimeout(() => p.kill('SIGKILL'), 180_000);
      p.stdout.on('data', (b: Buffer) => {
        if (!first) first = performance.now();
        for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
        if (n >= N && p.exitCode === null) {
          const secs = (performance.now() - first) / 1000;
          clearTimeout(limit);
          p.kill('SIGKILL');
          resolve(N / secs);
        }
      });
      p.stderr.on('data', (b: Buffer) => { err += b.toString(); });
      p.on('exit', () => {
        clearTimeout(limit);
        resolve(`heroku logs stopped after ${n} lines: ${err.trim().split('\n').slice(-2).join(' ')}`);
      });
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const fake = await startFakeProcess();
  try {
    await ours(fake, 'sse', 1000);
    const idle = process.memoryUsage().rss;
    const sse = await oursMedian(fake, 'sse');
    const plain = await oursMedian(fake, 'plain');
    emit('logs_tail_lines_per_s', Math.round(sse.rate), 'lines/s', { lines: N, accept: 'sse' });
    emit('logs_tail_plain_lines_per_s', Math.round(plain.rate), 'lines/s', { lines: N, accept: 'plain' });
    emit('logs_tail_cpu_lines_per_s', Math.round(sse.cpuRate), 'lines/cpu-s', { accept: 'sse' });
    const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
    emit('logs_tail_peak_rss_mb', mb(Math.max(sse.peak, plain.peak) - idle), 'MB', { idle_mb: mb(idle) });
    emit('logs_tail_rss_growth_mb', mb(plain.lastPeak - sse.firstPeak), 'MB');
    const c = await curl(fake);
    if (typeof c === 'number') {
      emit('logs_tail_curl_lines_per_s', Math.round(c), 'lines/s');
      emit('logs_tail_vs_curl_ratio', Math.round((sse.rate / c) * 100) / 100, 'x');
    } else process.stderr.write(`[logs-tail] curl anchor skipped: ${c}\n`);
    for (const color of [false, true]) {
      const h = await herokuCli(fake, color);
      const suffix = color ? '_color' : '';
      if (typeof h === 'number') {
        emit(`logs_tail_heroku_cli${suffix}_lines_per_s`, Math.round(h), 'lines/s', { colors: color });
        emit(`logs_tail_vs_heroku_cli${suffix}_ratio`, Math.round((sse.rate / h) * 10) / 10, 'x');
      } else process.stderr.write(`[logs-tail] heroku CLI anchor${color ? ' (colours)' : ''} skipped: ${h}\n`);
    }
  } finally {
    await fake.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`logs-tail bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
