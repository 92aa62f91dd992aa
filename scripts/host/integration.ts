// `npm run test:integration` on code-server: runs out/test/integration/index.js inside the real Node
// extension host, prints mocha's output, and resolves to the exit code. Always kills what it started.
import { existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportViolations, type FakeHeroku } from './lib/fake';
import { ensureHost, repoRoot } from './lib/host';
import { onTerminate } from './lib/procs';
import { runInHost } from './lib/run-in-host';
import { prepareTestRun } from './lib/test-env';
import { makeTempRoot } from './lib/workspace';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };

/** Prints what the extension host appends to `file`, from `offset` on; returns the new offset. */
function drain(file: string, offset: number): number {
  if (!existsSync(file)) return offset;
  const buf = readFileSync(file);
  if (buf.length > offset) process.stdout.write(buf.subarray(offset));
  return buf.length;
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
  const report = join(tmp.dir, 'mocha-output.txt');
  const serverLog = join(tmp.dir, 'code-server.log');
  let offset = 0;
  const t0 = Date.now();
  const since = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const cleanup = async (): Promise<void> => {
    clearInterval(poll);
    await fake?.close();
    tmp.remove();
  };
  onTerminate(cleanup); // runInHost's children die with this process (procs.ts exit hook)
  try {
    const { app, workspace, env } = await prepareTestRun(tmp.dir, log, (f) => { fake = f; });
    writeFileSync(report, '');
    env.HW_TEST_REPORT = report;
    poll = setInterval(() => { offset = drain(report, offset); }, 200);
    const code = await runInHost({
      host, tmp: tmp.dir, folder: workspace, developmentPath: repoRoot, testsPath: entry, env, timeoutMs, log, verbose,
      onServerOutput: (c) => { appendFileSync(serverLog, c); if (verbose) process.stderr.write(c); },
      onStarted: (cs) => log(`[integration] ${since()}: code-server on ${cs.url} (workspace ${workspace}${app ? `, heroku remote ${app}` : ''})`),
    });
    log(`[integration] tests ended with exit code ${code} after ${since()}`);
    clearInterval(poll);
    offset = drain(report, offset);
    const text = readFileSync(report, 'utf8').replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '');
    if (!/^\s*\d+ passing/m.test(text)) {
      log('[integration] mocha printed no summary: the suite did not run. Last code-server output:');
      log(existsSync(serverLog) ? readFileSync(serverLog, 'utf8').slice(-3000) : '(none)');
      return code || 1;
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
