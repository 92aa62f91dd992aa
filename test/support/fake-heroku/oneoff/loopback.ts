import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { generate } from 'selfsigned';

// One self-signed certificate per process: generating a key costs tens of milliseconds.
let certificate: Promise<{ key: string; cert: string }> | undefined;
export function selfSigned(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], { keyType: 'ec', days: 2, algorithm: 'sha256' } as never)
    .then((p: { private: string; cert: string }) => ({ key: p.private, cert: p.cert }));
  return certificate;
}

/** Secrets that each work once (compared in constant time), with what each one opens. */
export class OneTimeSecrets<T> {
  private readonly waiting = new Map<string, T>();

  add(value: T): string {
    const secret = randomBytes(24).toString('base64url');
    this.waiting.set(secret, value);
    return secret;
  }

  forget(secret: string): void {
    this.waiting.delete(secret);
  }

  clear(): void {
    this.waiting.clear();
  }

  /** What `given` opens, once; undefined for a wrong or used secret. */
  take(given: string): T | undefined {
    for (const [secret, value] of this.waiting) {
      const a = Buffer.from(secret);
      const b = Buffer.from(given);
      if (a.length === b.length && timingSafeEqual(a, b)) {
        this.waiting.delete(secret);
        return value;
      }
    }
    return undefined;
  }
}

/**
 * A TLS server on 127.0.0.1 (the fake's self-signed certificate) started on first use, whose sockets are all
 * destroyed by close().
 */
export class LoopbackTlsServer {
  private server: Server | undefined;
  private starting: Promise<number> | undefined;
  private readonly sockets = new Set<Duplex>();

  constructor(private readonly make: (tls: { key: string; cert: string }) => Server) {}

  /** Its port, once listening. */
  port(): Promise<number> {
    this.starting ??= selfSigned().then((tls) => new Promise<number>((resolve, reject) => {
      const server = this.make(tls);
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        this.server = server;
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : 0);
      });
    }));
    return this.starting;
  }

  /** Tracks a socket so close() ends it; a socket error destroys it. */
  track(socket: Duplex): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    this.starting = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
