// `npm run readme-images`: runs the sandbox tour (`npm run sandbox -- --tour DIR --exit`) and writes the README's
// pictures, scaled down, into docs/images/ (the stops named in docs/images/README-IMAGES.txt, one per line:
// `stop-name  output-name.png`). Scaling is done by Chromium (the one the tests use), so no image tool is needed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = new URL('..', import.meta.url).pathname;
const width = 960;
const tourDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'hw-tour-'));
if (!process.argv[2]) {
  execFileSync('node', ['scripts/sandbox.mjs', '--tour', tourDir, '--exit'], { cwd: root, stdio: 'inherit' });
}
const wanted = readFileSync(join(root, 'docs/images/README-IMAGES.txt'), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/));
const pictures = readdirSync(tourDir).filter((f) => f.endsWith('.png'));
const { launchBrowser } = await tsImport('./host/lib/browser.ts', import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'hw-readme-'));
const session = await launchBrowser({ tmp, width, height: 800 });
try {
  for (const [stop, out] of wanted) {
    const file = pictures.find((f) => f.replace(/^\d+-/, '').replace(/\.png$/, '') === stop);
    if (!file) throw new Error(`the tour wrote no picture for stop "${stop}" (have: ${pictures.join(', ')})`);
    const data = readFileSync(join(tourDir, file)).toString('base64');
    await session.page.setContent(`<html><body style="margin:0"><img id="i" style="width:${width}px;display:block" src="data:image/png;base64,${data}"></body></html>`);
    const img = session.page.locator('#i');
    await img.waitFor({ state: 'visible' });
    await img.screenshot({ path: join(root, 'docs/images', out) });
    console.log(`docs/images/${out} <- ${file}`);
  }
} finally {
  await session.close();
  rmSync(tmp, { recursive: true, force: true });
}
