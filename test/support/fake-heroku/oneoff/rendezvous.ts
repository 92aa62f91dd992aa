import { createServer, type TLSSocket } from 'node:tls';
import { LoopbackTlsServer, OneTimeSecrets } from './loopback';

/** A client that presented the right secret: the socket is the dyno's terminal from here on. */
export type OnAttach = (socket: TLSSocket, firstBytes: Buffer) => void;

const MAX_LINE = 512;
const SECRET_WAIT_MS = 10_000;

/**
 * Heroku's rendezvous for attached one-off dynos: TLS on 127.0.0.1 with a self-signed certificate. A client
 * connects, sends `SECRET\r\n`, gets one line back (`rendezvous\r\n`), then the socket carries the dyno's terminal
 * both ways. A wrong secret, or none within 10 s, closes the connection. Each secret works once.
 */
export class Rendezvous {
  private readonly secrets = new OneTimeSecrets<OnAttach>();
  private readonly server = new LoopbackTlsServer((tls) => createServer(tls, (s) => this.accept(s)));

  /** Registers a session; resolves to its `rendezvous://127.0.0.1:PORT/SECRET` URL. */
  async expect(onAttach: OnAttach): Promise<{ url: string; secret: string }> {
    const port = await this.server.port();
    const secret = this.secrets.add(onAttach);
    return { url: `rendezvous://127.0.0.1:${port}/${secret}`, secret };
  }

  /** Forgets a session nobody attached to. */
  forget(secret: string): void {
    this.secrets.forget(secret);
  }

  async close(): Promise<void> {
    this.secrets.clear();
    await this.server.close();
  }

  private accept(socket: TLSSocket): void {
    this.server.track(socket);
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
      const hit = this.secrets.take(given);
      if (!hit) {
        socket.destroy();
        return;
      }
      socket.write('rendezvous\r\n', () => hit(socket, buf.subarray(nl + 1)));
    };
    socket.on('data', onData);
  }
}
