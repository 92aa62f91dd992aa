import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';

/** A client that presented the right secret: the socket is the dyno's terminal from here on. */
export type OnAttach = (socket: TLSSocket, firstBytes: Buffer) => void;

// One self-signed certificate per process: generating a key costs tens of milliseconds.
let certificate: Promise<{ key: string; cert: string }> | undefined;
function selfSigned(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], { keyType: 'ec', days: 2, algorithm: 'sha256' } as never)
    .then((p: { private: string; cert: string }) => ({ key: p.private, cert: p.cert }));
  return certificate;
}

const MAX_LINE = 512;
const SECRET_WAIT_MS = 10_000;

/**
 * Heroku's rendezvous for attached one-off dynos: TLS on 127.0.0.1 with a self-signed certificate. A client
 * connects, sends `SECRET\r\n`, gets one line back (`rendezvous\r\n`), then the socket carries the dyno's terminal
 * both ways. A wrong secret, or none within 10 s, closes the connection. Each secret works once.
 */
export class Rendezvous {
  private server: Server | undefined;
  private starting: Promise<number> | undefined;
  private readonly waiting = new Map<string, OnAttach>();
  private readonly sockets = new Set<TLSSocket>();

  /** Registers a session; resolves to its `rendezvous://127.0.0.1:PORT/SECRET` URL. */
  async expect(onAttach: OnAttach): Promise<{ url: string; secret: string }> {
    const port = await this.start();
    const secret = randomBytes(24).toString('base64url');
    this.waiting.set(secret, onAttach);
    return { url: `rendezvous://127.0.0.1:${port}/${secret}`, secret };
  }

  /** Forgets a session nobody attached to. */
  forget(secret: string): void {
    this.waiting.delete(secret);
  }

  async close(): Promise<void> {
    this.waiting.clear();
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    this.starting = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private start(): Promise<number> {
    this.starting ??= selfSigned().then(({ key, cert }) => new Promise<number>((resolve, reject) => {
      const server = createServer({ key, cert }, (s) => this.accept(s));
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        this.server = server;
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : 0);
      });
    }));
    return this.starting;
  }

  private accept(socket: TLSSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), SECRET_WAIT_MS);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const nl = buf.indexOf(0x0a);
      if (nl < 0) {
        if (buf.length > MAX_LINE) socket.destroy();
        return;
      }
      clearTimeout(timer);
      socket.off('data', onData);
      const given = buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
      const hit = this.take(given);
      if (!hit) {
        socket.destroy();
        return;
      }
      socket.write('rendezvous\r\n', () => hit(socket, buf.subarray(nl + 1)));
    };
    socket.on('data', onData);
  }

  private take(given: string): OnAttach | undefined {
    for (const [secret, fn] of this.waiting) {
      const a = Buffer.from(secret);
      const b = Buffer.from(given);
      if (a.length === b.length && timingSafeEqual(a, b)) {
        this.waiting.delete(secret);
        return fn;
      }
    }
    return undefined;
  }
}
