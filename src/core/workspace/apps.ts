// Which Heroku app a part of the workspace belongs to, from the git remotes found on disk (core/git/remotes):
// the status bar's app, and the app whose formation a Procfile's CodeLens shows.
import { dirname, relative } from 'node:path';
import type { FoundRemote } from '../git/remotes';

/** Remotes named `heroku` first (what `heroku git:remote` adds), then the others in the order found. */
function herokuFirst(remotes: readonly FoundRemote[]): FoundRemote[] {
  return [...remotes].sort((a, b) => Number(b.remote === 'heroku') - Number(a.remote === 'heroku'));
}

/** The workspace's apps, each once, the `heroku` remotes' first. */
export function workspaceAppNames(remotes: readonly FoundRemote[]): string[] {
  return [...new Set(herokuFirst(remotes).map((r) => r.app))];
}

/**
 * The app whose repository has this Procfile at its root: Heroku reads only the root's Procfile, so one in a
 * sub-folder of the repository gets none (undefined).
 */
export function appForProcfile(remotes: readonly FoundRemote[], procfilePath: string): string | undefined {
  const dir = dirname(procfilePath);
  return herokuFirst(remotes.filter((r) => relative(r.folder, dir) === ''))[0]?.app;
}
