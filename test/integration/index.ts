// The mocha entry that runs INSIDE the VS Code extension host (the @vscode/test-electron contract:
// export run(): Promise<void>, reject on failure). Loads every out/test/integration/**/*.test.js.
//   HW_TEST_GREP    only tests whose full title matches (a regular expression)
//   HW_TEST_REPORT  a file the spec reporter's output is appended to (the code-server runner tails it,
//                   because the extension host's stdout does not reach the terminal there)
//   HW_TEST_COLOR   "1" for coloured output
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

type MochaCtor = typeof import('mocha');

function loadMocha(): MochaCtor {
  // mocha 12 is an ES module; require(esm) hands back its namespace.
  const m = require('mocha') as MochaCtor & { default?: MochaCtor };
  return m.default ?? m;
}

function findTests(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return findTests(p);
    return name.endsWith('.test.js') ? [p] : [];
  });
}

export async function run(): Promise<void> {
  const Mocha = loadMocha();
  const report = process.env.HW_TEST_REPORT;
  const reporters = (Mocha as unknown as { reporters: { Base: { consoleLog: (...a: unknown[]) => void } } }).reporters;
  const originalLog = reporters.Base.consoleLog;
  if (report) {
    reporters.Base.consoleLog = (...args: unknown[]) => appendFileSync(report, format(...args) + '\n');
  }
  const grep = process.env.HW_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: process.env.HW_TEST_COLOR === '1',
    timeout: Number(process.env.HW_TEST_TIMEOUT ?? 20_000),
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });
  const files = findTests(__dirname);
  for (const f of files) mocha.addFile(f);
  try {
    // mocha.run() require()s the files (CommonJS bundles), so `vscode` resolves as in the extension.
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (err) {
    if (report) appendFileSync(report, `\n[integration] ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    throw err;
  } finally {
    reporters.Base.consoleLog = originalLog;
  }
}
