// A Fir one-off dyno's SSH tunnel, as the Heroku CLI opens it: an HTTPS request to the dyno's attach URL
// (https://…) with `Connection: Upgrade` and `Upgrade: tcp`; after `101 Switching Protocols` the socket carries an
// SSH connection to the dyno. A local TCP server on 127.0.0.1 hands that socket to the first client that connects
// (the user's own `ssh`, which brings their key, agent and config) and then stops listening, so nobody else gets
// in. Every way it ends is reported once.
import { existsSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { Socket } from 'node:net';
import { delimiter, join } from 'node:path';
import type { TunnelOptions } from '../../core/deploy/ports';
import { isTlsError } from './tls-policy';

/** A Fir one-off dyno's SSH tunnel, listening on 127.0.0.1 for one `ssh` client. */
export interface SshTunnel {
  port: number;
  /** Settles when the tunnel has closed (ssh ended, the dyno ended, or close()). */
  closed: Promise<void>;
  close(): void;
}

/** Opens the tunnel; resolves once the local port is listening, or rejects with a message for the user. */
export function openSshTunnel(o: TunnelOptions): Promise<SshTunnel> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(o.attachUrl);
    } catch {
      reject(new Error('The dyno has no valid attach URL.'));
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      reject(new Error(`The dyno's attach URL is not an HTTPS tunnel (${url.protocol}).`));
      return;
    }
    let settled = false;
    const fail = (message: string): void => {
      if (settled) return;
      settled = true;
      reject(new Error(message));
    };
    const lib = (url.protocol === 'https:' ? https : http) as typeof https;
    const req = lib.request({
      host: url.hostname, port: url.port || undefined, path: `${url.pathname}${url.search}`, method: 'GET',
      headers: { Connection: 'Upgrade', Upgrade: 'tcp' },
      rejectUnauthorized: o.verifyCertificate, servername: net.isIP(url.hostname) ? undefined : url.hostname,
      signal: o.signal,
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (o.signal?.aborted) return fail('Cancelled.');
      if (isTlsError(err)) {
        return fail(`The dyno's tunnel server presented a TLS certificate that was not accepted (${err.code}).`);
      }
      fail(`Could not open the tunnel to the dyno: ${err.code ?? err.message}.`);
    });
    req.on('response', (res) => {
      res.resume();
      fail(res.statusCode === 403
        ? "Heroku refused the tunnel (403): this app's space does not accept connections from your IP address. Ask your team admin."
        : `Heroku answered ${res.statusCode ?? '?'} instead of opening the tunnel to the dyno.`);
    });
    req.on('upgrade', (_res, remote: Socket, head: Buffer) => {
      if (settled) { remote.destroy(); return; }
      remote.setNoDelay(true);
      let client: Socket | undefined;
      let ended = false;
      let resolveClosed!: () => void;
      const closed = new Promise<void>((r) => { resolveClosed = r; });
      const end = (): void => {
        if (ended) return;
        ended = true;
        server.close();
        client?.destroy();
        remote.destroy();
        resolveClosed();
      };
      const server = net.createServer((c) => {
        if (client) { c.destroy(); return; }
        client = c;
        server.close(); // one client, then nobody else
        c.setNoDelay(true);
        if (head.length > 0) c.write(head);
        c.pipe(remote);
        remote.pipe(c);
        c.on('close', end);
        c.on('error', end);
      });
      remote.on('close', end);
      remote.on('error', end);
      o.signal?.addEventListener('abort', end, { once: true });
      server.on('error', (err: NodeJS.ErrnoException) => { if (!settled) { end(); fail(`Could not listen for ssh on 127.0.0.1: ${err.code ?? err.message}.`); } });
      server.listen(0, '127.0.0.1', () => {
        const addr = server.address();
        settled = true;
        resolve({ port: typeof addr === 'object' && addr ? addr.port : 0, closed, close: end });
      });
    });
    req.end();
  });
}

/** The `ssh` arguments that join the tunnel (as the CLI runs it: no host key pinning; the tunnel is per dyno). */
export function sshArgs(port: number): string[] {
  return ['127.0.0.1', '-p', String(port), '-oStrictHostKeyChecking=no', '-oUserKnownHostsFile=/dev/null', '-oServerAliveInterval=20', '-oLogLevel=ERROR'];
}

/** The OpenSSH client on PATH (`ssh`, `ssh.exe` on Windows), or undefined. */
export function findSsh(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? ['ssh.exe'] : ['ssh'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return undefined;
}
