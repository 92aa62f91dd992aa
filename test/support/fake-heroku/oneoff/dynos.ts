import { createInterface } from 'node:readline';
import { newId } from '../state/ids';
import type { FakeState } from '../state/store';
import type { App, Dyno } from '../state/types';
import { spawnDyno, type DynoProcess } from './processes';
import { Rendezvous } from './rendezvous';
import { SshTunnels } from './ssh-tunnel';
import type { ServerChannel } from 'ssh2';

export interface RunRequest {
  command: string;
  attach: boolean;
  size: string;
  type: string;
  env: Record<string, string>;
  /** Seconds the dyno may live; killed after. */
  timeToLive?: number;
}

/** Exit status as Heroku logs it: the code, or 128 + the signal number. */
function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return 128 + (signal ? (n[signal] ?? 1) : 1);
}

/** An attached client: the rendezvous socket, or on Fir the SSH channel (which also carries the exit status). */
interface Attached {
  stream: NodeJS.ReadWriteStream & { on(e: 'close', f: () => void): unknown; end(): unknown };
  first: Buffer;
  tty: boolean;
  cols?: number;
  rows?: number;
  exit?(status: number): void;
}

/**
 * One-off dynos (`heroku run`): a `run.N` dyno whose command runs for real. Attached, its attach_url leads to the
 * rendezvous server and the socket is its terminal (on a Fir app: an https URL whose `Upgrade: tcp` tunnel speaks
 * SSH, ./ssh-tunnel.ts); detached, its output goes to the app's log. A process never
 * outlives its socket, its time to live, a stop, reset() or close().
 */
export class OneOffDynos {
  private readonly rendezvous = new Rendezvous();
  private readonly tunnels = new SshTunnels();
  private readonly running = new Map<string, DynoProcess>();

  async start(state: FakeState, app: App, req: RunRequest): Promise<Dyno> {
    const used = new Set(state.appsOf(state.dynos, app.id).map((d) => d.name));
    let n = 1;
    while (used.has(`${req.type}.${n}`)) n++;
    const at = state.now();
    const d: Dyno = {
      id: newId(), appId: app.id, name: `${req.type}.${n}`, type: req.type, state: 'starting', size: req.size, command: req.command,
      releaseId: state.currentRelease(app.id)?.id ?? null, oneOff: true, attachUrl: null, createdAt: at, updatedAt: at,
    };
    state.dynos.set(d.id, d);
    state.emitLog(app.id, 'app', 'api', `Starting process with command \`${req.command}\` by user ${state.account.email}`);
    if (!req.attach) {
      this.run(state, app, d, req, undefined);
      return d;
    }
    const cols = Number(req.env.COLUMNS) || undefined;
    const rows = Number(req.env.LINES) || undefined;
    const { url, secret } = app.generation === 'fir'
      ? await this.tunnels.expect((channel: ServerChannel, pty) => {
        clearTimeout(timer);
        this.run(state, app, d, req, {
          stream: channel, first: Buffer.alloc(0), tty: pty !== undefined, cols: pty?.cols ?? cols, rows: pty?.rows ?? rows,
          exit: (status) => channel.exit(status),
        });
      })
      : await this.rendezvous.expect((socket, first) => {
        clearTimeout(timer);
        d.attachUrl = null;
        this.run(state, app, d, req, { stream: socket, first, tty: true, cols, rows });
      });
    d.attachUrl = url;
    state.emitLog(app.id, 'heroku', d.name, 'Awaiting client');
    const timer = setTimeout(() => {
      this.rendezvous.forget(secret);
      this.tunnels.forget(secret);
      state.emitLog(app.id, 'heroku', d.name, 'Error R13 (Attach error) -> Failed to attach to process');
      this.exited(state, d, 128);
    }, state.attachTimeoutMs);
    timer.unref();
    return d;
  }

  /** Stops a one-off dyno's process (the dyno leaves when it has exited). True when one was running. */
  stop(dynoId: string): boolean {
    const p = this.running.get(dynoId);
    p?.kill();
    return p !== undefined;
  }

  /** Kills every running one-off process (reset() and close()); resolves once they are all gone. */
  async killAll(): Promise<void> {
    const all = [...this.running.values()];
    for (const p of all) p.kill();
    await Promise.all(all.map((p) => p.ended));
  }

  async close(): Promise<void> {
    await this.killAll();
    await this.rendezvous.close();
    await this.tunnels.close();
  }

  private run(state: FakeState, app: App, d: Dyno, req: RunRequest, attached: Attached | undefined): void {
    const env = { ...state.config(app.id), ...req.env, DYNO: d.name, PORT: String(5000 + (Number(d.name.split('.')[1]) % 1000)) };
    const p = spawnDyno({ tag: d.id, command: req.command, env, tty: attached?.tty ?? false, cols: attached?.cols, rows: attached?.rows });
    this.running.set(d.id, p);
    state.emitLog(app.id, 'heroku', d.name, `Starting process with command \`${req.command}\``);
    d.state = 'up';
    d.updatedAt = state.now();
    state.emitLog(app.id, 'heroku', d.name, 'State changed from starting to up');
    const ttl = req.timeToLive ? setTimeout(() => p.kill(), req.timeToLive * 1000) : undefined;
    void p.ended.then(({ code, signal }) => {
      if (ttl) clearTimeout(ttl);
      this.running.delete(d.id);
      const status = exitStatus(code, signal);
      this.exited(state, d, status);
      attached?.exit?.(status);
      attached?.stream.end();
    });
    if (attached) {
      const { stream, first } = attached;
      if (first.length > 0) p.child.stdin?.write(first);
      stream.on('data', (c: Buffer) => p.child.stdin?.write(c));
      // Without a pty, the dyno's input ends when the client's does (ssh -T with a here-document).
      stream.on('end', () => { if (!attached.tty) p.child.stdin?.end(); });
      p.child.stdout?.on('data', (c: Buffer) => stream.write(c));
      p.child.stderr?.on('data', (c: Buffer) => stream.write(c));
      stream.on('close', () => p.kill());
      p.child.stdin?.on('error', () => p.kill());
      return;
    }
    p.child.stdin?.end();
    for (const stream of [p.child.stdout, p.child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => state.emitLog(app.id, 'app', d.name, line));
    }
  }

  private exited(state: FakeState, d: Dyno, status: number): void {
    state.emitLog(d.appId, 'heroku', d.name, `Process exited with status ${status}`);
    state.emitLog(d.appId, 'heroku', d.name, `State changed from ${d.state} to complete`);
    state.dynos.delete(d.id);
  }
}
