// From a one-off dyno command to the dyno's first output byte, against the fake Heroku (which really runs the
// command under a pty behind its TLS rendezvous server), beside the fake's own answer time: the same two steps
// done with bare node:http and node:tls (POST /apps/{app}/dynos, connect, secret, first byte after the greeting).
//   run_first_output_ms        ours: startOneOff (app read + dyno create) + connectRendezvous, median of 15
//   run_first_output_bare_ms   the bare requests, median of 15 (runs interleaved with ours)
//   run_first_output_overhead_ms ours - bare (goal ≤ 50)
// Run: node bench/run.mjs run
import * as http from 'node:http';
import * as tls from 'node:tls';
import { startOneOff } from '../src/core/deploy/run';
import { HerokuClient } from '../src/infra/heroku/client';
import { deployApi } from '../src/core/deploy/api';
import { connectRendezvous } from '../src/infra/rendezvous/client';
import { startFakeHeroku, type FakeHeroku } from '../test/support/fake-heroku';

const APP = 'dana-scratch';
const COMMAND = 'echo first';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function ours(api: ReturnType<typeof deployApi>): Promise<number> {
  const t0 = performance.now();
  const started = await startOneOff(api, { app: APP, command: COMMAND, attach: true, term: 'xterm' });
  if (!started.ok) throw new Error(started.message);
  return new Promise((resolve, reject) => {
    let at = 0;
    connectRendezvous({ attachUrl: started.dyno.attach_url!, verifyCertificate: false }, {
      onData: () => { if (!at) at = performance.now() - t0; },
      onEnd: (e) => (at ? resolve(at) : reject(new Error(`no output: ${JSON.stringify(e)}`))),
    });
  });
}

function bare(fake: FakeHeroku): Promise<number> {
  const t0 = performance.now();
  const body = JSON.stringify({ command: `${COMMAND} ; echo "\uFFFF heroku-command-exit-status: $?"`, attach: true, type: 'run', env: { TERM: 'xterm' } });
  return new Promise((resolve, reject) => {
    const req = http.request(`${fake.url}/apps/${APP}/dynos`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fake.apiKey}`, Accept: 'application/vnd.heroku+json; version=3.sdk', 'Content-Type': 'application/json' },
    }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => {
        const url = new URL((JSON.parse(text) as { attach_url: string }).attach_url.replace('rendezvous:', 'http:'));
        const s = tls.connect({ host: url.hostname, port: Number(url.port), rejectUnauthorized: false }, () => s.write(`${url.pathname.slice(1)}\r\n`));
        let seen = '';
        let at = 0;
        s.on('data', (c: Buffer) => {
          seen += c.toString();
          if (!at && seen.indexOf('\n') >= 0 && seen.length > seen.indexOf('\n') + 1) at = performance.now() - t0;
        });
        s.on('close', () => (at ? resolve(at) : reject(new Error('no output'))));
        s.on('error', reject);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const fake = await startFakeHeroku({ seed: 'demo', validate: false });
  try {
    const api = deployApi(() => client);
    const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
    await ours(api);
    await bare(fake);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 15; i++) {
      a.push(await ours(api));
      b.push(await bare(fake));
    }
    const line = (name: string, value: number) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit: 'ms' }));
    line('run_first_output_ms', median(a));
    line('run_first_output_bare_ms', median(b));
    line('run_first_output_overhead_ms', median(a) - median(b));
  } finally {
    await fake.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
