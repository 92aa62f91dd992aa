// `npm test`: lint, type check, unit, integration (real VS Code host), e2e (real workbench in Chromium).
// Runs every stage even after a failure, then prints one closing line: "tests: N passed, N failed".
import { spawn } from 'node:child_process';

const stages = [
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['types', 'npm', ['run', '-s', 'check-types']],
  ['unit', 'npm', ['run', '-s', 'test:unit']],
  ['integration', 'npm', ['run', '-s', 'test:integration']],
  ['e2e', 'npm', ['run', '-s', 'test:e2e']],
];
const only = process.argv.slice(2);

function runStage(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
const failedStages = [];
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const { code, out } = await runStage(cmd, args);
  // Mocha prints "N passing" and "N failing"; lint and types count as one check each.
  const plain = out.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), '');
  const pass = [...plain.matchAll(/^\s*(\d+) passing/gm)].reduce((a, m) => a + Number(m[1]), 0);
  const fail = [...plain.matchAll(/^\s*(\d+) failing/gm)].reduce((a, m) => a + Number(m[1]), 0);
  if (pass + fail === 0) {
    if (code === 0) passed++;
    else failed++;
  } else {
    passed += pass;
    failed += fail;
    if (code !== 0 && fail === 0) failed++;
  }
  if (code !== 0) failedStages.push(name);
  console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
}
if (failedStages.length) console.log(`\nfailed stages: ${failedStages.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exitCode = failedStages.length ? 1 : 0;
