// The one-off dyno's terminal: TLS to the attach URL's host and port, the secret and CRLF, the first line the
// server sends skipped, then the socket carries keystrokes one way and the dyno's terminal output the other.
// The exit status comes from the marker line the command was sent with (core/deploy/oneoff.ts), which is taken
// out of the output. Every way the session ends is reported once, as a value.
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import { ExitStatusFilter, parseAttachUrl } from '../../core/deploy/oneoff';
import { isTlsError } from './tls-policy';
import type { ConnectOptions, RendezvousSession, SessionEnd, SessionHandlers } from '../../core/deploy/ports';

export type { ConnectOptions, RendezvousSession, SessionEnd, SessionHandlers };


export function connectRendezvous(o: ConnectOptions, h: SessionHandlers): RendezvousSession {
  const target = parseAttachUrl(o.attachUrl);
  let ended = false;
  let ready = false;
  let interrupted = false;
  const early: string[] = [];
  const filter = new ExitStatusFilter();
  const decoder = new TextDecoder('utf-8');
  let head = '';
  const end = (e: SessionEnd) => {
    if (ended) return;
    ended = true;
    o.signal?.removeEventListener('abort', onAbort);
    h.onEnd(e);
  };
  const session: RendezvousSession = {
    write: (data) => {
      if (ended) return;
      if (!ready) {
        early.push(data); // typed (or piped) before the dyno attached: sent once it has
        return;
      }
      if (data.includes('\u0003')) interrupted = true;
      socket?.write(data);
    },
    close: () => { socket?.end(); socket?.destroy(); end(filter.exitStatus !== undefined ? { kind: 'exited', status: filter.exitStatus } : { kind: 'cancelled' }); },
    get ready() { return ready; },
  };
  if (!target) {
    queueMicrotask(() => end({ kind: 'refused', message: 'The dyno has no rendezvous attach URL (rendezvous://host:port/secret).' }));
    return session;
  }
  const onAbort = () => { socket?.destroy(); end({ kind: 'cancelled' }); };
  if (o.signal?.aborted) {
    queueMicrotask(onAbort);
    return session;
  }
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const socket: tls.TLSSocket = tls.connect({
    host: target.host, port: target.port, servername: isIP(target.host) ? undefined : target.host,
    rejectUnauthorized: o.verifyCertificate,
  });
  socket.setNoDelay(true);
  socket.setTimeout(o.idleMs ?? 60 * 60_000);
  socket.on('secureConnect', () => socket.write(`${target.secret}\r\n`));
  socket.on('data', (chunk: Buffer) => {
    let text = decoder.decode(chunk, { stream: true });
    if (!ready) {
      // The server's first line (a greeting) is not the dyno's output.
      head += text;
      const nl = head.indexOf('\n');
      if (nl < 0) {
        if (head.length > 4096) head = head.slice(-1024);
        return;
      }
      text = head.slice(nl + 1);
      head = '';
      ready = true;
      h.onReady?.();
      for (const d of early.splice(0)) session.write(d);
    }
    const shown = filter.push(text);
    if (shown) h.onData(shown);
  });
  socket.on('timeout', () => { socket.destroy(); end({ kind: 'dropped', message: 'no data for too long; the connection was closed' }); });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    if (o.signal?.aborted) return end({ kind: 'cancelled' });
    if (isTlsError(err)) return end({ kind: 'tls', message: `The rendezvous server's TLS certificate was not accepted (${err.code ?? err.message}).` });
    if (!ready) return end({ kind: 'refused', message: `Could not attach to the dyno: ${err.code === 'ECONNREFUSED' ? 'connection refused' : err.code ?? err.message}.` });
    end({ kind: 'dropped', message: `The connection to the dyno dropped (${err.code ?? err.message}).` });
  });
  socket.on('close', () => {
    const rest = filter.flush();
    if (rest) h.onData(rest);
    if (filter.exitStatus !== undefined) return end({ kind: 'exited', status: filter.exitStatus });
    if (!ready) return end({ kind: 'refused', message: 'The rendezvous server closed the connection before the session started: it refused the secret, or the dyno already ended.' });
    end(interrupted ? { kind: 'closed', interrupted } : { kind: 'closed' });
  });
  return session;
}
