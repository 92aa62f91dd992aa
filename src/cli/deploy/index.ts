// `heroku-workflows deploy [--app APP] [PATH]`: lint, pack, upload, build and release the folder, streaming
// every step; the same engine as the editor's "Heroku: Deploy". Exit 0 deployed, 1 failed (or lint errors),
// 2 usage, 130 cancelled (Ctrl-C).
import { resolve } from 'node:path';
import { runDeploy } from '../../core/deploy/deploy';
import { renderEvent, statusLine } from '../../core/deploy/render';
import { DeployTracker } from '../../core/deploy/steps';
import { nodeDeployPorts } from '../../infra/deploy/node-ports';
import { preflightLines } from '../../core/deploy/preflight-text';
import { lintFile } from '../../core/lint/registry';
import { preflight } from '../../infra/deploy/preflight';
import { findHerokuRemotes } from '../../infra/git/find-remotes';
import type { CliIo, Subcommand } from '../run';
import { cliSession, NOT_SIGNED_IN, scrub } from './session';

export const DEPLOY_USAGE = `Usage: heroku-workflows deploy [--app APP] [--force] [PATH]

Deploys PATH (default: the current folder) to APP as a source tarball: files that .gitignore excludes, .git and
.env are never uploaded. Without --app, the app of the folder's git remote (heroku first) is used.

Options:
  -a, --app APP   the Heroku app
  --force         deploy even when the Procfile, app.json or heroku.yml has errors
  -h, --help      show this help
`;

/** Tests (and embedders) may pass a signal that cancels like Ctrl-C. */
export interface DeployIo extends CliIo {
  signal?: AbortSignal;
  isTTY?: boolean;
}

export function parseDeployArgs(argv: string[]): { app?: string; path?: string; force: boolean; help: boolean } | { error: string } {
  const out: { app?: string; path?: string; force: boolean; help: boolean } = { force: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') out.help = true;
    else if (a === '--force') out.force = true;
    else if (a === '-a' || a === '--app') {
      out.app = argv[++i];
      if (!out.app) return { error: `${a} needs an app name` };
    } else if (a.startsWith('--app=')) out.app = a.slice(6);
    else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else if (out.path) return { error: `one PATH only (got ${out.path} and ${a})` };
    else out.path = a;
  }
  return out;
}

export async function appForFolder(folder: string): Promise<{ app?: string; error?: string }> {
  const found = await findHerokuRemotes([folder], { depth: 0 });
  const apps = [...new Set([...found].sort((a, b) => Number(b.remote === 'heroku') - Number(a.remote === 'heroku')).map((r) => r.app))];
  if (apps.length === 0) return { error: 'no Heroku git remote in this folder: pass --app APP' };
  const heroku = found.find((r) => r.remote === 'heroku');
  if (apps.length > 1 && !heroku) return { error: `several Heroku apps in the git remotes (${apps.join(', ')}): pass --app APP` };
  return { app: heroku?.app ?? apps[0] };
}

export const deploy: Subcommand = async (argv, io: DeployIo) => {
  const args = parseDeployArgs(argv);
  if ('error' in args) {
    io.stderr.write(`heroku-workflows deploy: ${args.error}\n\n${DEPLOY_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(DEPLOY_USAGE);
    return 0;
  }
  const folder = resolve(io.cwd, args.path ?? '.');
  const app = args.app ?? (await appForFolder(folder));
  if (typeof app !== 'string' && !app.app) {
    io.stderr.write(`heroku-workflows deploy: ${app.error}\n`);
    return 2;
  }
  const appName = typeof app === 'string' ? app : app.app!;
  const session = await cliSession(io);
  if (!session.client) {
    io.stderr.write(`heroku-workflows deploy: ${NOT_SIGNED_IN}`);
    return 1;
  }
  const out = (s: string) => io.stdout.write(scrub(s, session.token));
  out(`=== Deploying ${folder} to ${appName}\n`);
  const lint = preflight(folder, lintFile);
  const tracker = new DeployTracker({ hasProcfile: lint.hasProcfile });
  tracker.apply({ type: 'step', step: 'lint', status: 'running' });
  out('--> Check Procfile, app.json and heroku.yml\n');
  for (const l of preflightLines(lint, true)) out(`    ${l}\n`);
  if (lint.errors > 0 && !args.force) {
    out(`\n=== Stopped: ${lint.errors} error${lint.errors === 1 ? '' : 's'} above (deploy anyway with --force).\n`);
    return 1;
  }
  tracker.apply({ type: 'step', step: 'lint', status: 'done', detail: lint.files.length ? `${lint.errors} errors, ${lint.warnings} warnings` : 'nothing to check' });

  const ac = new AbortController();
  const onSigint = () => ac.abort();
  io.signal?.addEventListener('abort', onSigint, { once: true });
  if (!io.signal) process.once('SIGINT', onSigint);
  let lastStatus = '';
  try {
    await runDeploy(nodeDeployPorts(() => session.client), { app: appName, folder, signal: ac.signal }, (e) => {
      const state = tracker.apply(e);
      if (e.type === 'progress') {
        const line = statusLine(state);
        if (io.isTTY && line !== lastStatus) io.stderr.write(`\r${line}\u001b[K`);
        lastStatus = line;
        return;
      }
      if (lastStatus && io.isTTY) io.stderr.write('\r\u001b[K');
      lastStatus = '';
      out(renderEvent(e, state));
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    io.signal?.removeEventListener('abort', onSigint);
  }
  const o = tracker.snapshot.outcome;
  return o?.kind === 'succeeded' ? 0 : o?.kind === 'cancelled' ? 130 : 1;
};
