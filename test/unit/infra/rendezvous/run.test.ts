// One-off dynos end to end against the fake Heroku: the dyno really runs the command under a pty behind the
// fake's TLS rendezvous server; this is our client (src/infra/rendezvous) talking to it.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { spawn } from 'node:child_process';
import { Client as SshClient } from 'ssh2';
import { describeEnd, startOneOff, waitForDyno } from '../../../../src/core/deploy/run';
import { deployApi } from '../../../../src/core/deploy/api';
import { connectRendezvous, type RendezvousSession, type SessionEnd } from '../../../../src/infra/rendezvous/client';
import { verifyRendezvousCertificate } from '../../../../src/infra/rendezvous/tls-policy';
import { findSsh, openSshTunnel, sshArgs, type SshTunnel } from '../../../../src/infra/rendezvous/tunnel';
import { FakeClock } from '../../../support/fake-clock';
import { useFakeHeroku } from '../../../support/use-fake-heroku';

const APP = 'dana-scratch';

interface Run {
  end: SessionEnd;
  output: string;
}

describe('one-off dynos through rendezvous (fake Heroku)', function () {
  this.timeout(30_000);
  const heroku = useFakeHeroku({ seed: 'demo', resetEach: false });
  let api: ReturnType<typeof deployApi>;
  before(() => {
    const { client } = heroku.client();
    api = deployApi(() => client);
  });

  async function attachUrl(command: string): Promise<string> {
    const started = await startOneOff(api, { app: APP, command, attach: true, term: 'xterm', columns: 100, rows: 30 });
    assert.ok(started.ok, started.ok ? '' : started.message);
    return started.dyno.attach_url!;
  }

  /** Runs a session; `onReady`/`onOutput` may type into it. Resolves when it ends. */
  function session(url: string, o: { verify?: boolean; onReady?: (s: RendezvousSession) => void; onOutput?: (all: string, s: RendezvousSession) => void } = {}): Promise<Run> {
    return new Promise((resolve) => {
      let output = '';
      const s: RendezvousSession = connectRendezvous({ attachUrl: url, verifyCertificate: o.verify ?? false }, {
        onReady: () => o.onReady?.(s),
        onData: (t) => { output += t; o.onOutput?.(output, s); },
        onEnd: (end) => resolve({ end, output }),
      });
    });
  }

  it('shows the output and exit status 0, without the exit-status line', async () => {
    const r = await session(await attachUrl('echo hi'));
    assert.deepEqual(r.end, { kind: 'exited', status: 0 });
    assert.match(r.output, /hi\r\n/);
    assert.doesNotMatch(r.output, /heroku-command-exit-status|\uFFFF/);
  });

  it('reports a non-zero exit status (3)', async () => {
    const r = await session(await attachUrl('sh -c "exit 3"'));
    assert.deepEqual(r.end, { kind: 'exited', status: 3 });
  });

  it('sends the terminal size at start (COLUMNS and LINES)', async () => {
    const r = await session(await attachUrl('echo "size=$COLUMNS x $LINES term=$TERM"'));
    assert.match(r.output, /size=100 x 30 term=xterm/);
  });

  it('passes keystrokes to the dyno (an interactive read)', async () => {
    let typed = false;
    const r = await session(await attachUrl('printf "name? "; read name; echo "hello $name"'), {
      onOutput: (all, s) => { if (!typed && all.includes('name? ')) { typed = true; s.write('dana\r'); } },
    });
    assert.deepEqual(r.end, { kind: 'exited', status: 0 });
    assert.match(r.output, /hello dana/);
  });

  it('passes Ctrl-C to the dyno, which interrupts the command', async () => {
    let sent = false;
    const r = await session(await attachUrl('echo ready; sleep 25; echo never'), {
      onOutput: (all, s) => { if (!sent && all.includes('ready')) { sent = true; s.write('\u0003'); } },
    });
    assert.ok(sent);
    assert.doesNotMatch(r.output, /never/);
    // The dyno's shell dies of the SIGINT too, before its exit-status echo: the end says it was interrupted.
    assert.deepEqual(r.end, { kind: 'closed', interrupted: true });
    assert.match(describeEnd(r.end, 'run.1').text, /^Interrupted \(Ctrl-C\)/);
  });

  it('says the secret was refused when it is wrong', async () => {
    const url = await attachUrl('echo hi');
    const r = await session(url.replace(/\/([^/]+)$/, '/not-the-secret'));
    assert.equal(r.end.kind, 'refused');
    assert.match((r.end as { message: string }).message, /refused the secret/);
  });

  it('says the connection dropped when the socket breaks mid-command', async () => {
    const url = new URL((await attachUrl('echo started; sleep 25')).replace('rendezvous:', 'http:'));
    // A TCP relay to the fake's rendezvous port that we can cut (a connection reset, as a network drop).
    const relays: net.Socket[] = [];
    const relay = net.createServer((inbound) => {
      const outbound = net.connect(Number(url.port), url.hostname);
      relays.push(inbound);
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('error', () => outbound.destroy());
      outbound.on('error', () => inbound.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const port = (relay.address() as net.AddressInfo).port;
    try {
      const r = await session(`rendezvous://127.0.0.1:${port}${url.pathname}`, {
        onOutput: (all) => { if (all.includes('started')) for (const s of relays) s.resetAndDestroy(); },
      });
      assert.equal(r.end.kind, 'dropped');
      assert.match((r.end as { message: string }).message, /dropped \(ECONNRESET\)/);
    } finally {
      relay.close();
    }
  });

  it("verifies the server's certificate unless both the API and the dyno are on loopback", async () => {
    const r = await session(await attachUrl('echo hi'), { verify: true });
    assert.equal(r.end.kind, 'tls');
    assert.equal(verifyRendezvousCertificate('127.0.0.1', heroku.url), false);
    assert.equal(verifyRendezvousCertificate('rendezvous.runtime.heroku.com', heroku.url), true);
    assert.equal(verifyRendezvousCertificate('127.0.0.1', 'https://api.heroku.com'), true);
  });

  describe('Fir: the SSH tunnel behind an https attach URL', () => {
    const clock = new FakeClock({ autoAdvance: true });
    beforeEach(async () => {
      await heroku.control.patchApp(APP, { generation: 'fir' });
    });
    afterEach(() => heroku.fake.reset());

    /** Starts an attached dyno on the Fir app, waits until it is up and opens its tunnel. */
    async function tunnel(command: string): Promise<{ tunnel: SshTunnel; sent: string }> {
      const started = await startOneOff(api, { app: APP, command, attach: true, term: 'xterm' });
      assert.ok(started.ok, started.ok ? '' : started.message);
      assert.equal(started.attach, undefined);
      assert.match(started.tunnel!.url, /^https:\/\/127\.0\.0\.1:\d+\/.+/);
      const up = await waitForDyno(api, clock, APP, started.dyno.name);
      assert.ok(up.ok, up.ok ? '' : up.message);
      const t = await openSshTunnel({ attachUrl: started.tunnel!.url, verifyCertificate: verifyRendezvousCertificate(started.tunnel!.host, heroku.url) });
      return { tunnel: t, sent: started.dyno.command ?? '' };
    }

    it('sends the command through launcher (a cnb stack) with no exit marker, and an SSH client runs it: output and exit status', async () => {
      const { tunnel: t, sent } = await tunnel('echo fir-ok; exit 4');
      assert.equal(sent, 'launcher echo fir-ok; exit 4');
      const got = await new Promise<{ out: string; code: number | undefined }>((resolve, reject) => {
        const c = new SshClient();
        let out = '';
        c.on('ready', () => c.shell(false, (err, ch) => {
          if (err) return reject(err);
          ch.on('data', (d: Buffer) => { out += d.toString(); });
          ch.on('exit', (code: number) => { c.end(); resolve({ out, code }); });
        }));
        c.on('error', reject);
        c.connect({ host: '127.0.0.1', port: t.port, username: 'dyno' });
      });
      assert.equal(got.out.trim(), 'fir-ok');
      assert.equal(got.code, 4);
      await t.closed;
    });

    it("the machine's own ssh joins it with the arguments the terminal uses, and exits with the command's status", async function () {
      const ssh = findSsh();
      if (!ssh) this.skip();
      const { tunnel: t } = await tunnel("sed 's/^/got /'; exit 3");
      const child = spawn(ssh!, [...sshArgs(t.port), '-T', '-oBatchMode=yes'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.stdin.end('hello\n');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(out.trim(), 'got hello');
      assert.equal(code, 3);
    });

    it('a second client cannot use the tunnel, and a wrong secret is refused with a clear message', async () => {
      const { tunnel: t } = await tunnel('sleep 5');
      const first = net.connect(t.port, '127.0.0.1');
      await new Promise((r) => first.once('connect', r));
      const second = await new Promise<string>((resolve) => {
        const s = net.connect(t.port, '127.0.0.1');
        s.once('connect', () => resolve('connected'));
        s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      assert.equal(second, 'ECONNREFUSED');
      first.destroy();
      await t.closed;
      const started = await startOneOff(api, { app: APP, command: 'true', attach: true });
      assert.ok(started.ok && started.tunnel);
      const wrong = started.tunnel.url.replace(/\/[^/]+$/, '/not-the-secret');
      await assert.rejects(openSshTunnel({ attachUrl: wrong, verifyCertificate: false }), /Heroku answered 404 instead of opening the tunnel/);
    });

    it('detached runs on Fir go through launcher too', async () => {
      const detached = await startOneOff(api, { app: APP, command: 'echo in the logs', attach: false });
      assert.ok(detached.ok);
      assert.equal(detached.dyno.command, 'launcher echo in the logs');
    });
  });
});
