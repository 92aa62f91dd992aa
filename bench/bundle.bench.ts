// Size figures of what ships: bundle_bytes (dist/extension.js, production build: minified, no source
// map: what activation loads), bundle_total_bytes (it plus the bundles it requires on first use,
// dist/manifest.js, dist/explorer.js and dist/axios.js; not the CLI) and vsix_bytes (the .vsix `vsce package` makes with .vscodeignore). Goals: 300 KB and 500 KB.
// Measured on a private snapshot of the production build (scripts/host/lib/snapshot.ts).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { packVsix, snapshotExtension } from '../scripts/host/lib/snapshot';
import { makeTempRoot } from '../scripts/host/lib/workspace';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };
const tmp = makeTempRoot('bench-bundle');
try {
  const dir = snapshotExtension(join(tmp.dir, 'extension'), log);
  const size = (name: string): number => statSync(join(dir, 'dist', name)).size;
  console.log(JSON.stringify({ name: 'bundle_bytes', value: size('extension.js'), unit: 'bytes' }));
  const total = ['extension.js', 'manifest.js', 'explorer.js', 'axios.js'].reduce((n, f) => n + size(f), 0);
  console.log(JSON.stringify({ name: 'bundle_total_bytes', value: total, unit: 'bytes' }));
  const vsix = packVsix(dir, join(tmp.dir, 'heroku-workflows.vsix'));
  console.log(JSON.stringify({ name: 'vsix_bytes', value: statSync(vsix).size, unit: 'bytes' }));
} catch (err) {
  log(`[bench] bundle: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  tmp.remove();
}
