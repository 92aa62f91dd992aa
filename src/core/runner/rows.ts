// The Local Processes view's rows, from the session's processes: what each says and which menu it gets. Pure.
import { describeExit, exitStatus } from './exit';
import type { ViewRow } from '../view-row';
import type { LocalProcess } from './session';

/** contextValue: `heroku.local.running` (stop, restart) or `heroku.local.exited` (restart). */
export interface ProcessRow extends ViewRow {
  name: string;
}

function stateText(p: LocalProcess): string {
  switch (p.state) {
    case 'starting': return 'starting…';
    case 'restarting': return 'restarting…';
    case 'stopping': return 'stopping…';
    case 'running': return 'running';
    case 'exited': {
      const e = p.exit;
      if (!e) return 'exited';
      if (e.spawnError !== undefined) return 'could not start';
      if (e.stoppedByUs) return 'stopped';
      return e.code !== null ? `exited (code ${e.code})` : `exited (${e.signal ?? 'signal'})`;
    }
  }
}

function icon(p: LocalProcess): { icon: string; colour?: string } {
  if (p.state === 'running') return { icon: 'play-circle', colour: 'testing.iconPassed' };
  if (p.state !== 'exited') return { icon: 'loading~spin' };
  const e = p.exit;
  if (!e || e.stoppedByUs) return { icon: 'circle-slash' };
  return exitStatus(e) === 0 ? { icon: 'pass', colour: 'testing.iconPassed' } : { icon: 'error', colour: 'testing.iconFailed' };
}

export function processRow(p: LocalProcess): ProcessRow {
  const parts = [stateText(p)];
  if (p.port !== undefined) parts.push(`:${p.port}`);
  if (p.pid !== undefined && p.state !== 'exited') parts.push(`pid ${p.pid}`);
  if (p.restarts > 0) parts.push(`${p.restarts} restart${p.restarts === 1 ? '' : 's'}`);
  const tooltip = [
    `${p.name}${p.release ? ' (release phase)' : ''}: ${p.command}`,
    `in ${p.cwd}`,
    p.port !== undefined ? `PORT=${p.port}` : undefined,
    p.state === 'exited' && p.exit ? describeExit(p.exit) : undefined,
  ].filter((l): l is string => l !== undefined).join('\n');
  const exited = p.state === 'exited';
  return { name: p.name, label: p.name, description: parts.join(' · '), tooltip, ...icon(p), contextValue: exited ? 'heroku.local.exited' : 'heroku.local.running' };
}

/** The release phase first, then in the order they were started. */
export function processRows(list: readonly LocalProcess[]): ProcessRow[] {
  return [...list.filter((p) => p.release), ...list.filter((p) => !p.release)].map(processRow);
}
