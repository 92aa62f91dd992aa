// Size figures of what ships (production build: minified, no source maps):
//   bundle_bytes        what starting the extension loads: dist/extension.js (the entry, loaded by activation)
//                       plus dist/main.js (the composition root, required on the next tick). Goal: 300 KB.
//   bundle_entry_bytes  dist/extension.js alone
//   bundle_total_bytes  every bundle but the CLI: the above plus those required on first use (manifest, explorer, axios)
//   vsix_bytes          the .vsix `vsce package` makes with .vscodeignore. Goal: 500 KB.
// Measured on a private snapshot of the production build (scripts/host/lib/snapshot.ts).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packVsix, snapshotExtension } from '../scripts/host/lib/snapshot';
import { makeTempRoot } from '../scripts/host/lib/workspace';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };
const tmp = makeTempRoot('bench-bundle');
try {
  const dir = snapshotExtension(join(tmp.dir, 'extension'), log);
  const size = (name: string): number => statSync(join(dir, 'dist', name)).size;
  console.log(JSON.stringify({ name: 'bundle_bytes', value: size('extension.js') + size('main.js'), unit: 'bytes' }));
  console.log(JSON.stringify({ name: 'bundle_entry_bytes', value: size('extension.js'), unit: 'bytes' }));
  const total = readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.js') && f !== 'cli.js').reduce((n, f) => n + size(f), 0);
  console.log(JSON.stringify({ name: 'bundle_total_bytes', value: total, unit: 'bytes' }));
  const vsix = packVsix(dir, join(tmp.dir, 'heroku-workflows.vsix'));
  console.log(JSON.stringify({ name: 'vsix_bytes', value: statSync(vsix).size, unit: 'bytes' }));
} catch (err) {
  log(`[bench] bundle: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  tmp.remove();
}
