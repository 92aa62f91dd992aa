// `npm run test:e2e`: mocha over test/e2e/**/*.e2e.ts in plain Node (tsx); each spec drives the real
// workbench through test/e2e/harness.ts. Installs the VS Code host first so no spec waits for it.
// Env: HW_TEST_GREP (mocha --grep), HW_VERBOSE=1 (code-server output).
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
execFileSync('bash', [`${root}/scripts/host/install.sh`], { stdio: ['ignore', 'ignore', 'inherit'] });
const args = [`${root}/node_modules/mocha/bin/mocha.js`, '--no-config', '--require', 'tsx/cjs',
  '--reporter', 'spec', '--timeout', '180000', '--exit', 'test/e2e/**/*.e2e.ts'];
if (process.env.HW_TEST_GREP) args.push('--grep', process.env.HW_TEST_GREP);
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => { process.exitCode = code ?? (signal ? 1 : 0); });
