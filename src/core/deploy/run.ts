// Starting a one-off dyno: attached (its terminal through rendezvous, or on Fir an SSH tunnel behind an https
// attach URL) or detached (output to the logs). On a `cnb` stack the command runs through `launcher`, as the CLI
// sends it. Heroku answers 409 for a release that is not ready yet right after a deploy; like the CLI, two more
// tries. A Fir dyno is polled until it is up before its tunnel opens.
import { describeHerokuError } from '../heroku/result';
import type { App, Dyno } from '../heroku/types';
import { commandWithExitStatus, dynoEnv, isFir, parseAttachUrl, withLauncher } from './oneoff';
import type { Clock, OneOffApi } from './ports';

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
  | { ok: true; dyno: Dyno; app: App; attach?: { host: string; port: number; secret: string }; tunnel?: { url: string; host: string } }
  | { ok: false; message: string; cancelled?: boolean };

export async function startOneOff(api: OneOffApi, r: OneOffRequest): Promise<OneOffStart> {
  const command = r.command.trim();
  if (!command) return { ok: false, message: 'No command to run.' };
  const info = await api.app(r.app, r.signal);
  if (!info.ok) return { ok: false, message: `Could not read ${r.app}: ${describeHerokuError(info.error)}`, cancelled: info.error.id === 'cancelled' };
  const fir = isFir(info.value);
  const env = dynoEnv(r.term, r.columns && r.rows ? { columns: r.columns, rows: r.rows } : undefined);
  const sent = withLauncher(command, info.value);
  const body = {
    // Over SSH, ssh itself reports the exit status: no marker line.
    command: r.attach && !fir ? commandWithExitStatus(sent) : sent,
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
    if (attach) return { ok: true, dyno, app: info.value, attach };
    const tunnel = httpsUrl(dyno.attach_url);
    if (tunnel) return { ok: true, dyno, app: info.value, tunnel };
    await api.stopDyno(r.app, dyno.name).catch(() => undefined);
    return { ok: false, message: `Heroku started ${dyno.name} without an attach URL this terminal can join; it was stopped.` };
  }
}

function httpsUrl(url: string | null | undefined): { url: string; host: string } | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? { url, host: u.hostname } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits until a Fir one-off dyno is starting or up (its tunnel answers only then): polled once a second, a 404
 * (not there yet) retried, as the CLI does; gives up after `maxTries` polls or when the dyno has already ended.
 */
export async function waitForDyno(api: OneOffApi, clock: Clock, app: string, dyno: string, signal?: AbortSignal, maxTries = 60): Promise<{ ok: true } | { ok: false; message: string; cancelled?: boolean }> {
  for (let i = 1; ; i++) {
    const r = await api.dyno(app, dyno, signal);
    if (r.ok) {
      const state = r.value.state;
      if (state === 'starting' || state === 'up') return { ok: true };
      if (state === 'crashed' || state === 'down' || state === 'complete') return { ok: false, message: `${dyno} is ${state}: it ended before ssh could join it (see the app's logs).` };
    } else if (r.error.id === 'cancelled') {
      return { ok: false, message: 'Cancelled.', cancelled: true };
    } else if (r.error.status !== 404) {
      return { ok: false, message: `Could not read ${dyno} on ${app}: ${describeHerokuError(r.error)}` };
    }
    if (i >= maxTries) return { ok: false, message: `${dyno} on ${app} was not up after ${maxTries} s.` };
    await clock.sleep(1000, signal).catch(() => undefined);
    if (signal?.aborted) return { ok: false, message: 'Cancelled.', cancelled: true };
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
