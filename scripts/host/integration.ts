// `npm run test:integration` on code-server: runs out/test/integration/index.js inside the real Node
// extension host, prints mocha's output, and resolves to the exit code. Always kills what it started.
// Two passes: every suite with Workspace Trust off, then the Restricted Mode suite in an untrusted folder.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportViolations, type FakeHeroku } from './lib/fake';
import { ensureHost, repoRoot } from './lib/host';
import { onTerminate } from './lib/procs';
import { runInHost } from './lib/run-in-host';
import { prepareTestRun } from './lib/test-env';
import { makeTempRoot, makeWorkspace } from './lib/workspace';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };

/** Prints what the extension host appends to `file`, from `offset` on; returns the new offset. */
function drain(file: string, offset: number): number {
  if (!existsSync(file)) return offset;
  const buf = readFileSync(file);
  if (buf.length > offset) process.stdout.write(buf.subarray(offset));
  return buf.length;
}

/** The title of test/integration/trust.test.ts's suite: it runs only in the untrusted pass. */
const UNTRUSTED_SUITE = 'workspace trust: Restricted Mode';

/**
 * A copy of the workspace for the untrusted pass, with what a hostile folder could bring: a .vscode/settings.json
 * that points heroku.apiUrl elsewhere and a .env (Push .env to App must refuse it).
 */
function untrustedWorkspace(parent: string, app: string | undefined): string {
  const dir = makeWorkspace(parent, app, 'untrusted-workspace');
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'heroku.apiUrl': 'http://127.0.0.1:9/not-heroku' }, null, 2));
  writeFileSync(join(dir, '.env'), 'FROM_UNTRUSTED_FOLDER=1\n');
  return dir;
}

export async function runIntegration(): Promise<number> {
  const timeoutMs = Number(process.env.HW_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);
  const verbose = !!process.env.HW_VERBOSE;
  const entry = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(entry)) { log(`[integration] ${entry} is missing: run node scripts/build.mjs first`); return 1; }
  const host = ensureHost(log);
  const tmp = makeTempRoot('integration');
  let fake: FakeHeroku | undefined;
  let poll: NodeJS.Timeout | undefined;
  const t0 = Date.now();
  const since = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const cleanup = async (): Promise<void> => {
    clearInterval(poll);
    await fake?.close();
    tmp.remove();
  };
  onTerminate(cleanup); // runInHost's children die with this process (procs.ts exit hook)

  /** One run of the suites in a fresh code-server; the exit code, 1 when mocha printed no summary. */
  const pass = async (name: string, folder: string, env: Record<string, string | undefined>, extra: { workspaceTrust?: boolean; settings?: Record<string, unknown> } = {}): Promise<number> => {
    const dir = join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    const report = join(dir, 'mocha-output.txt');
    const serverLog = join(dir, 'code-server.log');
    let offset = 0;
    writeFileSync(report, '');
    poll = setInterval(() => { offset = drain(report, offset); }, 200);
    const code = await runInHost({
      host, tmp: dir, folder, developmentPath: repoRoot, testsPath: entry, env: { ...env, HW_TEST_REPORT: report }, timeoutMs, log, verbose, ...extra,
      onServerOutput: (c) => { appendFileSync(serverLog, c); if (verbose) process.stderr.write(c); },
      onStarted: (cs) => log(`[integration] ${since()}: ${name}: code-server on ${cs.url} (workspace ${folder})`),
    });
    log(`[integration] ${name}: tests ended with exit code ${code} after ${since()}`);
    clearInterval(poll);
    offset = drain(report, offset);
    const text = readFileSync(report, 'utf8').replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '');
    if (!/^\s*\d+ passing/m.test(text)) {
      log(`[integration] ${name}: mocha printed no summary: the suite did not run. Last code-server output:`);
      log(existsSync(serverLog) ? readFileSync(serverLog, 'utf8').slice(-3000) : '(none)');
      return code || 1;
    }
    return code;
  };

  try {
    const { app, workspace, env } = await prepareTestRun(tmp.dir, log, (f) => { fake = f; });
    if (app) log(`[integration] heroku remote ${app}`);
    let code = await pass('trusted', workspace, env);
    // Second pass, Workspace Trust on and the folder not trusted: only the Restricted Mode suite runs. The
    // workspace's heroku.apiUrl must lose to the user's, so the fake is reached through the user setting alone.
    const grep = process.env.HW_TEST_GREP;
    if (!grep || new RegExp(grep).test(UNTRUSTED_SUITE)) {
      const folder = untrustedWorkspace(tmp.dir, app);
      const untrusted = { ...env, HEROKU_API_URL: undefined, HW_TEST_UNTRUSTED: '1', HW_TEST_GREP: UNTRUSTED_SUITE, HW_TEST_WORKSPACE: folder };
      const c2 = await pass('untrusted', folder, untrusted, { workspaceTrust: true, settings: fake ? { 'heroku.apiUrl': fake.url } : {} });
      code = code || c2;
    }
    // The fake validates its own answers against the Platform API schema: any violation fails the run.
    if (fake && (await reportViolations(fake, log, 'integration'))) return code || 1;
    return code;
  } catch (err) {
    log(`[integration] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return 1;
  } finally {
    await cleanup();
  }
}
