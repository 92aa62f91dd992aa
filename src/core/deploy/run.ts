// Starting a one-off dyno: attached (its terminal through rendezvous) or detached (output to the logs). Fir apps
// get a clear answer instead of an attach URL they do not have. Heroku answers 409 for a release that is not
// ready yet right after a deploy; like the CLI, two more tries.
import { describeHerokuError } from '../heroku/result';
import type { App, Dyno } from '../heroku/types';
import { commandWithExitStatus, dynoEnv, firMessage, isFir, parseAttachUrl } from './oneoff';
import type { OneOffApi } from './ports';

export interface OneOffRequest {
  app: string;
  command: string;
  size?: string;
  attach: boolean;
  term?: string;
  /** The terminal's size at start (sent as COLUMNS and LINES). */
  columns?: number;
  rows?: number;
  signal?: AbortSignal;
}

export type OneOffStart =
  | { ok: true; dyno: Dyno; app: App; attach?: { host: string; port: number; secret: string } }
  | { ok: false; message: string; fir?: boolean; cancelled?: boolean };

export async function startOneOff(api: OneOffApi, r: OneOffRequest): Promise<OneOffStart> {
  const command = r.command.trim();
  if (!command) return { ok: false, message: 'No command to run.' };
  const info = await api.app(r.app, r.signal);
  if (!info.ok) return { ok: false, message: `Could not read ${r.app}: ${describeHerokuError(info.error)}`, cancelled: info.error.id === 'cancelled' };
  if (r.attach && isFir(info.value)) return { ok: false, fir: true, message: firMessage(r.app) };
  const env = dynoEnv(r.term, r.columns && r.rows ? { columns: r.columns, rows: r.rows } : undefined);
  const body = {
    command: r.attach ? commandWithExitStatus(command) : command,
    attach: r.attach, type: 'run', env, ...(r.size ? { size: r.size } : {}),
  };
  for (let tries = 0; ; tries++) {
    const created = await api.createDyno(r.app, body, r.signal);
    if (!created.ok) {
      if (created.error.status === 409 && tries < 2) continue;
      return { ok: false, message: `Could not start a one-off dyno on ${r.app}: ${describeHerokuError(created.error)}`, cancelled: created.error.id === 'cancelled' };
    }
    const dyno = created.value;
    if (!r.attach) return { ok: true, dyno, app: info.value };
    const attach = parseAttachUrl(dyno.attach_url);
    if (!attach) {
      // Fir answers with an https attach URL (an SSH tunnel), which this terminal does not speak.
      const fir = /^https?:/.test(dyno.attach_url ?? '');
      await api.stopDyno(r.app, dyno.name).catch(() => undefined);
      return { ok: false, fir, message: fir ? firMessage(r.app) : `Heroku started ${dyno.name} without a rendezvous attach URL; it was stopped.` };
    }
    return { ok: true, dyno, app: info.value, attach };
  }
}

/** How a session ended, in words for the terminal's last line (and the CLI's exit code). */
export function describeEnd(end: { kind: string; status?: number; message?: string; interrupted?: boolean }, dyno: string): { text: string; exitCode: number } {
  switch (end.kind) {
    case 'exited':
      return { text: `Process exited with status ${end.status} (${dyno}).`, exitCode: end.status ?? 0 };
    case 'closed':
      if (end.interrupted) return { text: `Interrupted (Ctrl-C): ${dyno} ended before it could report an exit status.`, exitCode: 130 };
      return { text: `The connection to ${dyno} closed without an exit status (the command may have ended its shell, e.g. with exit).`, exitCode: 1 };
    case 'cancelled':
      return { text: `Disconnected from ${dyno}.`, exitCode: 130 };
    default:
      return { text: end.message ?? `The session with ${dyno} ended.`, exitCode: 1 };
  }
}
