// A Fir one-off dyno's terminal: the dyno's SSH tunnel (./tunnel.ts) joined by the machine's own OpenSSH client,
// which brings the user's keys, agent and ssh config. ssh runs with `-tt`: the dyno gets a pseudo-terminal though
// ssh's own input is a pipe from the VS Code terminal (which already sends raw keystrokes: Ctrl-C is "\x03", turned
// into SIGINT by the dyno's terminal). ssh reports the command's exit status as its own; 255 means ssh itself
// failed (most often: no key of the account). Same session interface as rendezvous.
import { spawn, type ChildProcess } from 'node:child_process';
import { firNeedsSsh, firSshFailed } from '../../core/deploy/oneoff';
import type { RendezvousSession, SessionEnd, SessionHandlers, SshConnectOptions } from '../../core/deploy/ports';
import { findSsh, openSshTunnel, sshArgs } from './tunnel';

export function connectSsh(o: SshConnectOptions, h: SessionHandlers): RendezvousSession {
  let ended = false;
  let ready = false;
  let child: ChildProcess | undefined;
  let closeTunnel: (() => void) | undefined;
  const early: string[] = [];
  const end = (e: SessionEnd): void => {
    if (ended) return;
    ended = true;
    closeTunnel?.();
    h.onEnd(e);
  };
  const session: RendezvousSession = {
    write: (data) => {
      if (ended) return;
      if (!ready) { early.push(data); return; }
      child?.stdin?.write(data);
    },
    close: () => {
      child?.kill('SIGTERM');
      closeTunnel?.();
      end({ kind: 'cancelled' });
    },
    get ready() { return ready; },
  };
  const ssh = o.sshPath ?? findSsh();
  if (!ssh) {
    queueMicrotask(() => end({ kind: 'refused', message: firNeedsSsh(o.app) }));
    return session;
  }
  openSshTunnel({ attachUrl: o.attachUrl, verifyCertificate: o.verifyCertificate, signal: o.signal }).then((tunnel) => {
    closeTunnel = tunnel.close;
    if (ended) { tunnel.close(); return; }
    const env = { ...process.env, TERM: o.term ?? 'xterm-256color' };
    const p = spawn(ssh, [...sshArgs(tunnel.port), '-tt'], { stdio: ['pipe', 'pipe', 'pipe'], env, windowsHide: true });
    child = p;
    const decoder = new TextDecoder('utf-8');
    const errDecoder = new TextDecoder('utf-8');
    p.stdout?.on('data', (c: Buffer) => h.onData(decoder.decode(c, { stream: true })));
    p.stderr?.on('data', (c: Buffer) => h.onData(errDecoder.decode(c, { stream: true }).replace(/\r?\n/g, '\r\n')));
    p.stdin?.on('error', () => undefined);
    p.on('error', (err: NodeJS.ErrnoException) => end({ kind: 'refused', message: `Could not start ssh (${ssh}): ${err.code ?? err.message}.` }));
    p.on('spawn', () => {
      ready = true;
      h.onReady?.();
      for (const d of early.splice(0)) p.stdin?.write(d);
    });
    p.on('close', (code, signal) => {
      const rest = decoder.decode();
      if (rest) h.onData(rest);
      if (o.signal?.aborted || signal) return end({ kind: 'cancelled' });
      if (code === 255) return end({ kind: 'refused', message: firSshFailed(o.app) });
      end({ kind: 'exited', status: code ?? 1 });
    });
  }, (err: Error) => end({ kind: o.signal?.aborted ? 'cancelled' : 'refused', message: err.message } as SessionEnd));
  return session;
}
