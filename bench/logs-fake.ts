// Shared by the log benchmarks: the fake Heroku in a child process (so its work does not share the measured
// process's event loop or memory), its control route, and the "output channel" sink the tail feeds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { compileLogFilter } from '../src/core/logs/filter';
import { parseLogLine } from '../src/core/logs/parse';
import { plainText } from '../src/core/logs/render';

export const ROOT = join(__dirname, '..');
export const APP = 'acme-web-production';

export interface FakeProcess {
  url: string;
  apiKey: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The fake bundled by esbuild and run by plain node: under tsx it serves bulk lines about a third slower, and it
 * must outrun the readers it measures.
 */
function bundleFake(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'hw-fake-bench-')), 'fake-heroku.js');
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [join(ROOT, 'scripts', 'fake-heroku.ts'),
    '--bundle', '--platform=node', '--format=cjs', '--external:ssh2', `--outfile=${out}`, '--log-level=warning'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('could not bundle scripts/fake-heroku.ts');
  return out;
}

export async function startFakeProcess(): Promise<FakeProcess> {
  const bundle = bundleFake();
  const child = spawn(process.execPath, [bundle, '--json', '--no-validate'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => { rl.close(); resolve(l); });
    child.once('exit', (code) => reject(new Error(`the fake Heroku exited (${code})`)));
  });
  const { url, apiKey } = JSON.parse(first) as { url: string; apiKey: string };
  return {
    url, apiKey, child,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dirname(bundle), { recursive: true, force: true });
    },
  };
}

export async function control(fake: FakeProcess, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(fake.url + path, {
    method, headers: { Authorization: `Bearer ${fake.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/vnd.heroku+json; version=3.sdk' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A log session's URL, for anchors that read the stream themselves. */
export async function logplexUrl(fake: FakeProcess, body: Record<string, unknown>): Promise<string> {
  return ((await control(fake, 'POST', `/apps/${APP}/log-sessions`, body)) as { logplex_url: string }).logplex_url;
}

/**
 * What the output channel does with a batch: parse, filter, plain text, one append of the joined batch. `chars`
 * stands for the channel's content, so nothing is optimised away.
 */
export class ChannelSink {
  chars = 0;
  lines = 0;
  private readonly filter = (() => {
    const f = compileLogFilter({});
    if (!f.ok) throw new Error(f.error);
    return f.filter;
  })();

  append(batch: readonly string[]): void {
    const out: string[] = [];
    for (const raw of batch) {
      const line = parseLogLine(raw);
      if (this.filter(line)) out.push(plainText(line));
    }
    this.chars += out.join('\n').length + 1;
    this.lines += batch.length;
  }
}

/** Samples this process's RSS every `ms` until stopped; returns the peak in bytes. */
export function rssSampler(ms = 20): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, ms);
  return { stop: () => { clearInterval(t); return Math.max(peak, process.memoryUsage().rss); } };
}

export function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ name, value, unit, ...extra }) + '\n');
}
