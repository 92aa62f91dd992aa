// `npm run test:integration`: the mocha suites of test/integration inside the real VS Code extension host.
//   default: code-server (offline, headless Chromium)        scripts/host/integration.ts
//   VSCODE_TEST_HOST=electron: @vscode/test-electron          scripts/host/electron.ts
// Env: HW_TEST_GREP (filter), HW_VERBOSE=1 (server + browser logs), HW_INTEGRATION_TIMEOUT_MS, HW_KEEP_TMP.
import { tsImport } from 'tsx/esm/api';

const electron = process.env.VSCODE_TEST_HOST === 'electron';
const mod = await tsImport(electron ? './electron.ts' : './integration.ts', import.meta.url);
const run = mod.runIntegration ?? mod.default?.runIntegration;
process.exitCode = await run();
