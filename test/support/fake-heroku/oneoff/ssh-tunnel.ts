import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ServerChannel } from 'ssh2';
import { LoopbackTlsServer, OneTimeSecrets } from './loopback';

/** The shell (or exec) a client asked for, with its terminal size when it asked for a pty. */
export type OnShell = (channel: ServerChannel, pty: { cols: number; rows: number } | undefined) => void;

// ssh2 is loaded on the first Fir tunnel: the benchmarks bundle the fake without it (an external they never reach).
let ssh2: typeof import('ssh2') | undefined;
const lib = (): typeof import('ssh2') => (ssh2 ??= require('ssh2') as typeof import('ssh2'));

// One host key per process (generating one costs milliseconds, but tests start many fakes).
let hostKey: string | undefined;
const key = (): string => (hostKey ??= lib().utils.generateKeyPairSync('ed25519').private);

/**
 * Fir's attached one-off dynos: the attach URL is `https://127.0.0.1:PORT/SECRET`; a request with `Connection:
 * Upgrade` and `Upgrade: tcp` on it gets `101 Switching Protocols`, and the socket then speaks SSH to the dyno.
 * The fake's SSH server accepts any client authentication (Heroku checks the account's SSH keys: the fake has none
 * to check) and runs the dyno's command for the first shell or exec request. A wrong secret gets 404; each secret
 * works once.
 */
export class SshTunnels {
  private readonly secrets = new OneTimeSecrets<OnShell>();
  private readonly server = new LoopbackTlsServer((tls) => {
    const server = createServer(tls, (_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('expected Upgrade: tcp\n');
    });
    server.on('upgrade', (req, socket: Duplex, head: Buffer) => this.upgrade(req.url ?? '', String(req.headers.upgrade ?? ''), socket, head));
    return server;
  });

  /** Registers a dyno; resolves to its attach URL. */
  async expect(onShell: OnShell): Promise<{ url: string; secret: string }> {
    const port = await this.server.port();
    const secret = this.secrets.add(onShell);
    return { url: `https://127.0.0.1:${port}/${secret}`, secret };
  }

  forget(secret: string): void {
    this.secrets.forget(secret);
  }

  async close(): Promise<void> {
    this.secrets.clear();
    await this.server.close();
  }

  private upgrade(path: string, upgrade: string, socket: Duplex, head: Buffer): void {
    this.server.track(socket);
    const onShell = upgrade.toLowerCase() === 'tcp' ? this.secrets.take(path.replace(/^\//, '')) : undefined;
    if (!onShell) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    let used = false;
    const ssh = new (lib().Server)({ hostKeys: [key()] }, (client) => {
      client.on('authentication', (ctx) => ctx.accept());
      client.on('error', () => socket.destroy());
      client.on('ready', () => {
        client.on('session', (accept) => {
          const session = accept();
          let pty: { cols: number; rows: number } | undefined;
          session.on('pty', (ok, _no, info) => { pty = { cols: info.cols, rows: info.rows }; ok?.(); });
          session.on('env', (ok) => ok?.());
          session.on('window-change', (ok) => ok?.());
          const run = (channel: ServerChannel): void => {
            if (used) { channel.exit(1); channel.end(); return; }
            used = true;
            onShell(channel, pty);
          };
          session.on('shell', (ok) => run(ok()));
          session.on('exec', (ok) => run(ok()));
        });
      });
    });
    ssh.injectSocket(socket as Socket);
  }
}
