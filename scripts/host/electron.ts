// `VSCODE_TEST_HOST=electron npm run test:integration`: the same suites through @vscode/test-electron on a
// machine with a desktop VS Code (downloaded by test-electron when online, or VSCODE_EXECUTABLE_PATH).
// Not runnable on the offline build machines (no VS Code download there): kept equivalent by design,
// same entry (out/test/integration/index.js), same environment variables as the code-server runner.
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { reportViolations, type FakeHeroku } from './lib/fake';
import { repoRoot } from './lib/host';
import { onTerminate } from './lib/procs';
import { prepareTestRun } from './lib/test-env';
import { makeTempRoot } from './lib/workspace';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };

export async function runIntegration(): Promise<number> {
  const tmp = makeTempRoot('electron');
  let fake: FakeHeroku | undefined;
  const cleanup = async (): Promise<void> => { await fake?.close(); tmp.remove(); };
  onTerminate(cleanup);
  try {
    const { workspace, env } = await prepareTestRun(tmp.dir, log, (f) => { fake = f; });
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH,
      version: process.env.VSCODE_TEST_VERSION,
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
        '--skip-release-notes', `--user-data-dir=${join(tmp.dir, 'user-data')}`,
        `--extensions-dir=${join(tmp.dir, 'extensions')}`],
    });
    // The fake validates its own answers against the Platform API schema: any violation fails the run.
    return fake && (await reportViolations(fake, log, 'integration:electron')) ? 1 : 0;
  } catch (err) {
    log(`[integration:electron] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await cleanup();
  }
}
