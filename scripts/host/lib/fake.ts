// Starts the fake Heroku (scripts/fake-heroku.ts, owned by the fake's author) as a child process and
// reads its one JSON line {url, apiKey}. Returns undefined when the script does not exist yet.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './host';
import { killGroup, spawnGroup, waitForOutput } from './procs';

export interface FakeHeroku {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

export async function startFake(opts: { seed?: string; log?: (s: string) => void } = {}): Promise<FakeHeroku | undefined> {
  const log = opts.log ?? ((s: string) => console.error(s));
  const script = join(repoRoot, 'scripts', 'fake-heroku.ts');
  if (!existsSync(script)) {
    log('[fake-heroku] scripts/fake-heroku.ts does not exist yet: running without the fake Heroku');
    return undefined;
  }
  const tsxCli = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [tsxCli, script, '--json', '--port', '0', ...(opts.seed ? ['--seed', opts.seed] : [])];
  const child: ChildProcess = spawnGroup(process.execPath, args, { cwd: repoRoot });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  let m: RegExpMatchArray;
  try {
    m = await waitForOutput(child, /^\{.*\}\s*$/m, 30_000);
  } catch (err) {
    await killGroup(child, 1000);
    throw new Error(`fake Heroku did not start: ${(err as Error).message}\n${stderr.slice(-2000)}`);
  }
  const info = JSON.parse(m[0]) as { url?: unknown; apiKey?: unknown };
  if (typeof info.url !== 'string' || typeof info.apiKey !== 'string') {
    await killGroup(child, 1000);
    throw new Error(`fake Heroku printed an unexpected line: ${m[0]}`);
  }
  log(`[fake-heroku] listening on ${info.url}`);
  return { url: info.url, apiKey: info.apiKey, close: () => killGroup(child, 3000) };
}

/** The names of the apps the fake serves (GET /apps, first page). */
export async function listApps(fake: { url: string; apiKey: string }): Promise<string[]> {
  const res = await fetch(`${fake.url}/apps`, {
    headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: `Bearer ${fake.apiKey}` },
  });
  if (!res.ok) throw new Error(`GET /apps on the fake Heroku answered ${res.status}`);
  const body = (await res.json()) as unknown;
  if (!Array.isArray(body)) throw new Error('GET /apps on the fake Heroku did not answer a list');
  return body.flatMap((a: unknown) => {
    const name = (a as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

export interface ViolationReport {
  /** false: the fake ran without its schema self-check, so an empty list proves nothing. */
  validating: boolean;
  count: number;
  /** One line per recorded violation: `GET /apps (200, version=3) does not match GET /apps: …`. */
  lines: string[];
}

/** What the fake's schema self-check recorded (GET /__fake/violations); a run with violations must fail. */
export async function readViolations(fake: { url: string; apiKey: string }): Promise<ViolationReport> {
  const res = await fetch(`${fake.url}/__fake/violations`, { headers: { Authorization: `Bearer ${fake.apiKey}` } });
  if (!res.ok) throw new Error(`GET /__fake/violations on the fake Heroku answered ${res.status}`);
  const body = (await res.json()) as { validating?: unknown; count?: unknown; violations?: unknown };
  const list = Array.isArray(body.violations) ? (body.violations as Record<string, unknown>[]) : [];
  return {
    validating: body.validating === true,
    count: typeof body.count === 'number' ? body.count : list.length,
    lines: list.map((v) => `${String(v.method)} ${String(v.path)} (${String(v.status)}, version=${String(v.variant)}) does not match ${typeof v.link === 'string' ? v.link : 'any schema link'}: ${Array.isArray(v.errors) ? v.errors.slice(0, 5).join('; ') : ''}`),
  };
}

/** Logs the fake's schema violations; true when there were any (the runner then fails). */
export async function reportViolations(fake: { url: string; apiKey: string }, log: (s: string) => void, tag: string): Promise<boolean> {
  const v = await readViolations(fake);
  if (!v.validating) log(`[${tag}] note: the fake Heroku ran without its schema self-check`);
  if (v.count === 0) return false;
  log(`[${tag}] FAILED: the fake Heroku sent ${v.count} answer(s) that do not match the Platform API schema:\n${v.lines.join('\n')}`);
  return true;
}
