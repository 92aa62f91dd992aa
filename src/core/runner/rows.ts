// The Local Processes view's rows, from the session's processes: what each says and which menu it gets. Pure: the
// time for the uptime is the caller's (`now`, from its clock); the view redraws on changes and on a slow timer while
// something runs, so the uptime is coarse (minutes).
import { describeExit, exitStatus, type ProcessExit } from './exit';
import type { ViewRow } from '../view-row';
import type { LocalProcess } from './session';

/**
 * contextValue: `heroku.local.running` (stop, restart), `heroku.local.running.web` (the same, and Open in Browser: a
 * running web process with a port) or `heroku.local.exited` (restart).
 */
export interface ProcessRow extends ViewRow {
  name: string;
  /** http://localhost:PORT for a running web process with a port. */
  url?: string;
}

/** A duration in coarse words: `<1m`, `5m`, `2h 5m`, `3d 4h`. */
export function uptime(ms: number): string {
  const m = Math.floor(Math.max(0, ms) / 60_000);
  if (m < 1) return '<1m';
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** An exit in a few words for the description: `code 3`, `SIGKILL`, `stopped`, `could not start`. */
function shortExit(e: ProcessExit): string {
  if (e.spawnError !== undefined) return 'could not start';
  if (e.stoppedByUs) return 'stopped';
  return e.code !== null ? `code ${e.code}` : e.signal ?? 'signal';
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

/** `now`: the time the uptime is counted to (ms since the epoch). */
export function processRow(p: LocalProcess, now: number): ProcessRow {
  const exited = p.state === 'exited';
  const up = p.state === 'running' && p.startedAt !== undefined ? uptime(now - p.startedAt) : undefined;
  const restarts = p.restarts > 0 ? `${p.restarts} restart${p.restarts === 1 ? '' : 's'}` : undefined;
  // While it runs again after a restart, how the previous run ended (a crash is worth seeing).
  const before = !exited && p.lastExit ? p.lastExit : undefined;
  const parts = [stateText(p)];
  if (p.port !== undefined) parts.push(`:${p.port}`);
  if (p.pid !== undefined && !exited) parts.push(`pid ${p.pid}`);
  if (up) parts.push(`up ${up}`);
  if (restarts) parts.push(restarts);
  if (before) parts.push(`last exit: ${shortExit(before)}`);
  const tooltip = [
    `${p.name}${p.release ? ' (release phase)' : ''}: ${p.command}`,
    `in ${p.cwd}`,
    p.port !== undefined ? `PORT=${p.port}` : undefined,
    `state: ${stateText(p)}${p.pid !== undefined && !exited ? `, pid ${p.pid}` : ''}${up ? `, up ${up}` : ''}`,
    `restarts: ${p.restarts}`,
    exited && p.exit ? `exit: ${describeExit(p.exit)}` : before ? `last exit: ${describeExit(before)}` : undefined,
  ].filter((l): l is string => l !== undefined).join('\n');
  const web = !exited && p.state === 'running' && p.type === 'web' && p.port !== undefined;
  return {
    name: p.name, label: p.name, description: parts.join(' · '), tooltip, ...icon(p),
    contextValue: exited ? 'heroku.local.exited' : web ? 'heroku.local.running.web' : 'heroku.local.running',
    ...(web ? { url: `http://localhost:${p.port}` } : {}),
  };
}

/** The release phase first, then in the order they were started; `now` for the uptimes. */
export function processRows(list: readonly LocalProcess[], now: number): ProcessRow[] {
  return [...list.filter((p) => p.release), ...list.filter((p) => !p.release)].map((p) => processRow(p, now));
}
