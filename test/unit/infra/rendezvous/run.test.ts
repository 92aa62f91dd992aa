// One-off dynos end to end against the fake Heroku: the dyno really runs the command under a pty behind the
// fake's TLS rendezvous server; this is our client (src/infra/rendezvous) talking to it.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { describeEnd, startOneOff } from '../../../../src/core/deploy/run';
import { deployApi } from '../../../../src/core/deploy/api';
import { connectRendezvous, type RendezvousSession, type SessionEnd } from '../../../../src/infra/rendezvous/client';
import { verifyRendezvousCertificate } from '../../../../src/infra/rendezvous/tls-policy';
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

  it('answers Fir apps with what Fir offers instead', async () => {
    heroku.fake.state.apps.get([...heroku.fake.state.apps.values()].find((a) => a.name === APP)!.id)!.generation = 'fir';
    try {
      const r = await startOneOff(api, { app: APP, command: 'bash', attach: true });
      assert.ok(!r.ok);
      assert.equal(r.fir, true);
      assert.match(r.message, /Fir-generation app.*run:detached.*heroku run:inside/s);
      const detached = await startOneOff(api, { app: APP, command: 'echo in the logs', attach: false });
      assert.ok(detached.ok);
    } finally {
      heroku.fake.reset();
    }
  });
});
