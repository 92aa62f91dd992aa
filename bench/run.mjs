// `npm run bench`: every bench/*.bench.mjs (node) and bench/*.bench.ts (tsx), one after another, their
// stdout passed through (one JSON line per figure: {"name","value","unit"}); their stderr too.
//   node bench/run.mjs [substring ...]   only the benchmarks whose file name contains one of them
// Exits 1 when any benchmark fails. `npm run bench` builds the production bundle first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as esbuild from 'esbuild';
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
// A .ts benchmark of core code that says `// bench: as shipped` is bundled and minified the way
// scripts/build.mjs --production bundles the extension and the CLI, and run by plain node: it measures the code
// users run (under tsx the same code runs ~1.8x slower: its loader's transforms and source maps).
const tmp = mkdtempSync(join(tmpdir(), 'hw-bench-'));
async function argsFor(f) {
  const file = join(benchDir, f);
  if (!f.endsWith('.ts')) return [file];
  if (!readFileSync(file, 'utf8').includes('// bench: as shipped')) return [tsxCli, file];
  const outfile = join(tmp, f.replace(/\.ts$/, '.js'));
  await esbuild.build({ entryPoints: [file], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs',
    minify: true, mainFields: ['module', 'main'], logLevel: 'warning', absWorkingDir: root,
    external: ['ssh2'], // the fake's Fir tunnel only (loaded on first use, which no benchmark reaches)
    define: { __dirname: JSON.stringify(benchDir) } }); // paths stay relative to bench/
  return [outfile];
}
const failed = [];
for (const f of files) {
  const args = await argsFor(f);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = r.status ?? 1;
  console.error(`[bench] ${f}: ${code === 0 ? 'ok' : `FAILED (exit ${code}${r.signal ? `, ${r.signal}` : ''})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) failed.push(f);
}
rmSync(tmp, { recursive: true, force: true });
if (failed.length) console.error(`[bench] failed: ${failed.join(', ')}`);
process.exitCode = failed.length ? 1 : 0;
