import { connect, type TLSSocket } from 'node:tls';

/** A `heroku run` client for the fake's rendezvous: what it has read (after the first line) and how it ended. */
export interface Attached {
  socket: TLSSocket;
  /** Everything the dyno wrote after the rendezvous line. */
  output(): string;
  /** Resolves when the output matches `re` (rejects if the socket closes first). */
  waitFor(re: RegExp): Promise<string>;
  /** Resolves with all output once the server closed the connection. */
  closed: Promise<string>;
  firstLine(): string | undefined;
}

/** Connects as the Heroku CLI does: TLS without verifying the self-signed certificate, `SECRET\r\n`, skip one line. */
export function attach(attachUrl: string, secret?: string): Attached {
  const u = new URL(attachUrl);
  const socket = connect(Number(u.port), u.hostname, { rejectUnauthorized: false });
  let raw = '';
  let first: string | undefined;
  const listeners = new Set<() => void>();
  socket.setEncoding('utf8');
  socket.on('secureConnect', () => socket.write(`${secret ?? (u.pathname + u.search).slice(1)}\r\n`));
  socket.on('data', (d: string) => {
    raw += d;
    if (first === undefined) {
      const nl = raw.indexOf('\n');
      if (nl >= 0) first = raw.slice(0, nl + 1);
    }
    for (const l of listeners) l();
  });
  socket.on('error', () => undefined);
  const output = (): string => (first === undefined ? '' : raw.slice(first.length));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(output())));
  const waitFor = (re: RegExp): Promise<string> => new Promise((resolve, reject) => {
    const check = (): void => {
      if (re.test(output())) {
        listeners.delete(check);
        resolve(output());
      }
    };
    listeners.add(check);
    check();
    void closed.then(() => {
      if (listeners.has(check)) reject(new Error(`closed before ${re}: ${JSON.stringify(output())}`));
    });
  });
  return { socket, output, waitFor, closed, firstLine: () => first };
}
