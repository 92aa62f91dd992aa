// A private copy of the extension as it ships (production bundle + the files the .vsix holds), so a
// benchmark measures one consistent build even while others rebuild dist/ in the shared work tree.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './host';

// What .vscodeignore ships: every bundle in dist/ (not the source maps), the docs the diagnostics link to, assets.
const shipped = (): string[] => ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs/RULES.md',
  ...readdirSync(join(repoRoot, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`), 'media', 'syntaxes', 'schemas'];

function isProduction(file: string): boolean {
  return existsSync(file) && !/\/\/# sourceMappingURL=/.test(readFileSync(file, 'utf8'));
}

/** Copies what the .vsix can hold from the current build (development or production, as dist/ is) into `dest`. */
export function copyShipped(dest: string): string {
  mkdirSync(join(dest, 'dist'), { recursive: true });
  mkdirSync(join(dest, 'docs'), { recursive: true });
  for (const p of shipped()) {
    if (existsSync(join(repoRoot, p))) cpSync(join(repoRoot, p), join(dest, p), { recursive: true });
  }
  return dest;
}

/** Copies the production build into `dest` (building it when dist/ holds a development build). */
export function snapshotExtension(dest: string, log: (s: string) => void): string {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!isProduction(join(repoRoot, 'dist', 'extension.js'))) {
      log('[snapshot] building the production bundle');
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production'],
        { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    copyShipped(dest);
    if (isProduction(join(dest, 'dist', 'extension.js'))) return dest;
    log('[snapshot] dist/ changed while copying; again');
  }
  throw new Error('could not take a consistent production build of the extension');
}

/** Packs `dir` (a snapshot) into a .vsix with vsce; returns its path. */
export function packVsix(dir: string, out: string): string {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}
