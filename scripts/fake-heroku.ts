/**
 * Runs the fake Heroku alone: `npx tsx scripts/fake-heroku.ts [--json] [--seed demo|empty|xss|large-pipeline] [--apps N] [--port P]
 * [--api-key KEY] [--log-interval MS] [--no-validate]`. With --json it prints one line `{"url":…,"apiKey":…}`; it serves until
 * SIGTERM/SIGINT, then closes every socket (open log streams too) and exits 0. It also stops when the process that
 * launched it disappears, so a killed `npx` or test runner leaves no fake behind.
 */
import { readFileSync } from 'node:fs';
import { startFakeHeroku, type FakeHerokuOptions } from '../test/support/fake-heroku';
import { describeViolation } from '../test/support/fake-heroku/schema/self-check';
import { SEED_NAMES, type SeedName } from '../test/support/fake-heroku/seed';

/** Parent pid of `pid` from /proc (Linux), or undefined. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Stops the fake when whoever launched it is gone. Under tsx the direct parent is tsx's CLI, which survives when
 * `npx` is killed (npm does not pass the signal on), so the process to watch is tsx's parent.
 */
function watchLauncher(stop: () => void): void {
  let watched = process.ppid;
  try {
    if (readFileSync(`/proc/${watched}/cmdline`, 'utf8').includes('tsx')) watched = parentOf(watched) ?? watched;
  } catch {
    return; // no /proc: rely on signals alone
  }
  if (watched <= 1) return;
  const timer = setInterval(() => {
    try {
      process.kill(watched, 0);
    } catch {
      stop();
    }
  }, 1000);
  timer.unref();
}

function parseArgs(argv: string[]): { json: boolean; opts: FakeHerokuOptions } {
  const opts: FakeHerokuOptions = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer, got ${v}`);
      return n;
    };
    if (a === '--json') json = true;
    else if (a === '--seed') {
      const s = next();
      if (!SEED_NAMES.includes(s as SeedName)) throw new Error(`--seed must be one of ${SEED_NAMES.join(', ')}, got ${s}`);
      opts.seed = s as SeedName;
    } else if (a === '--apps') opts.apps = int(next());
    else if (a === '--port') opts.port = int(next());
    else if (a === '--api-key') opts.apiKey = next();
    else if (a === '--log-interval') opts.logIntervalMs = int(next());
    else if (a === '--no-validate') opts.validate = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: fake-heroku [--json] [--seed demo|empty|xss|large-pipeline] [--apps N] [--port P] [--api-key KEY] [--log-interval MS] [--no-validate]\n');
      process.exit(0);
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return { json, opts };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fake-heroku: ${(e as Error).message}\n`);
    process.exit(2);
  }
  // Schema violations of the fake's own answers go to stderr as they happen (and to GET /__fake/violations).
  const fake = await startFakeHeroku({ ...parsed.opts, onViolation: (v) => process.stderr.write(`fake-heroku: schema violation: ${describeViolation(v)}\n`) });
  if (parsed.json) {
    process.stdout.write(`${JSON.stringify({ url: fake.url, apiKey: fake.apiKey })}\n`);
  } else {
    process.stdout.write([
      'Fake Heroku Platform API is running.',
      `  URL:      ${fake.url}`,
      `  API key:  ${fake.apiKey}`,
      `  Account:  ${fake.state.account.email} (two-factor code ${fake.state.account.twoFactorCode})`,
      `  Apps:     ${fake.state.apps.size}`,
      `Try: curl -H "Authorization: Bearer ${fake.apiKey}" -H "Accept: application/vnd.heroku+json; version=3" ${fake.url}/apps`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'));
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    fake.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  watchLauncher(stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`fake-heroku: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
