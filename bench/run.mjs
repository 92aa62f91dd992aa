// `npm run bench`: every bench/*.bench.mjs (node) and bench/*.bench.ts (tsx), one after another, their
// stdout passed through (one JSON line per figure: {"name","value","unit"}); their stderr too.
//   node bench/run.mjs [substring ...]   only the benchmarks whose file name contains one of them
// Exits 1 when any benchmark fails. `npm run bench` builds the production bundle first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const only = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs') || f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
if (!files.length) {
  console.error(`bench: nothing matches ${only.join(' ')}`);
  process.exit(1);
}
const failed = [];
for (const f of files) {
  const file = join(benchDir, f);
  const args = f.endsWith('.ts') ? [tsxCli, file] : [file];
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = r.status ?? 1;
  console.error(`[bench] ${f}: ${code === 0 ? 'ok' : `FAILED (exit ${code}${r.signal ? `, ${r.signal}` : ''})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) failed.push(f);
}
if (failed.length) console.error(`[bench] failed: ${failed.join(', ')}`);
process.exitCode = failed.length ? 1 : 0;
