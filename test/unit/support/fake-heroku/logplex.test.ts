import assert from 'node:assert/strict';
import { type FakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { waitUntil } from '../../../support/wait';
import { ACCEPT, ACCEPT_SDK, call } from './client';

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00 (app|heroku)\[([\w.]+)\]: .+$/;

async function session(fake: FakeHeroku, app: string, body: Record<string, unknown>, accept = ACCEPT_SDK): Promise<string> {
  const r = await call(fake, 'POST', `/apps/${app}/log-sessions`, { body, headers: { Accept: accept } });
  assert.equal(r.status, 201, r.text);
  return (r.body as { logplex_url: string }).logplex_url;
}

/** Reads a stream until `count` lines arrived (or it ends), then aborts it. */
async function readLines(url: string, count: number, accept?: string): Promise<{ lines: string[]; contentType: string; ended: boolean }> {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal, headers: accept ? { Accept: accept } : {} });
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let text = '';
  let ended = false;
  while (text.split('\n').filter((l) => l !== '').length < count) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    text += dec.decode(value, { stream: true });
  }
  ac.abort();
  return { lines: text.split('\n').filter((l) => l !== ''), contentType: res.headers.get('content-type') ?? '', ended };
}

describe('fake Heroku: log sessions and logplex', () => {
  const heroku = useFakeHeroku({ logIntervalMs: 20 });

  it('creates a session whose logplex_url is on the fake, and streams `lines` lines of plain text', async () => {
    const url = await session(heroku.fake, 'acme-web-production', { lines: 25 });
    assert.ok(url.startsWith(`${heroku.url}/__logplex/`));
    const { lines, contentType, ended } = await readLines(url, 1000);
    assert.ok(ended, 'without tail the stream ends');
    assert.match(contentType, /^text\/plain/);
    assert.equal(lines.length, 25);
    for (const l of lines) assert.match(l, LINE);
    assert.ok(lines.some((l) => / heroku\[router\]: at=info method=\w+ path="[^"]*" host=\S+ request_id=\S+ fwd="[\d.]+" dyno=web\.\d connect=\d+ms service=\d+ms status=\d+ bytes=\d+ protocol=https$/.test(l)));
  });

  it('shows release and state lines, and crashes for acme-api', async () => {
    const all = (await readLines(await session(heroku.fake, 'acme-api', { lines: 1500 }), 5000)).lines;
    assert.ok(all.some((l) => / app\[api\]: Release v8 created by user dana@example\.com$/.test(l)));
    assert.ok(all.some((l) => / heroku\[web\.1\]: State changed from starting to up$/.test(l)));
    assert.ok(all.some((l) => / heroku\[clock\.1\]: State changed from up to crashed$/.test(l)));
    assert.ok(all.some((l) => /code=H10 desc="App crashed"/.test(l)));
  });

  it('filters by dyno name, process type (3.sdk `dyno`, v3 `dyno_name`) and source', async () => {
    const byName = (await readLines(await session(heroku.fake, 'acme-web-production', { dyno: 'web.2', lines: 1500 }), 5000)).lines;
    assert.ok(byName.length > 0);
    for (const l of byName) assert.equal(LINE.exec(l)?.[2], 'web.2');
    const byType = (await readLines(await session(heroku.fake, 'acme-web-production', { dyno_name: 'web', lines: 1500 }, ACCEPT), 5000)).lines;
    assert.deepEqual([...new Set(byType.map((l) => LINE.exec(l)?.[2]))].sort(), ['web.1', 'web.2']);
    const fromHeroku = (await readLines(await session(heroku.fake, 'acme-web-production', { source: 'heroku', lines: 1500 }), 5000)).lines;
    assert.ok(fromHeroku.length > 0);
    for (const l of fromHeroku) assert.equal(LINE.exec(l)?.[1], 'heroku');
  });

  it('serves Server-Sent Events when asked for text/event-stream', async () => {
    const url = await session(heroku.fake, 'acme-web-staging', { lines: 5 });
    const { lines, contentType } = await readLines(url, 1000, 'text/event-stream');
    assert.match(contentType, /^text\/event-stream/);
    const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
    assert.equal(data.length, 5);
    for (const d of data) assert.match(d, LINE);
    assert.equal(lines.filter((l) => /^id: \d+$/.test(l)).length, 5);
  });

  it('keeps streaming with tail, including platform events such as a restart', async () => {
    const url = await session(heroku.fake, 'acme-web-staging', { lines: 0, tail: true, dyno: 'web' });
    const reading = readLines(url, 12);
    await waitUntil('the tail to be open', () => heroku.fake.logs.openStreams === 1, { everyMs: 5 });
    await call(heroku, 'DELETE', '/apps/acme-web-staging/dynos/web.1');
    const { lines, ended } = await reading;
    assert.equal(ended, false);
    assert.equal(lines.length, 12);
    assert.ok(lines.some((l) => / heroku\[web\.1\]: Restarting$/.test(l)), lines.join('\n'));
  });

  it('rejects bad session parameters and unknown tokens', async () => {
    assert.equal((await call(heroku, 'POST', '/apps/acme-api/log-sessions', { body: { lines: 5000 } })).status, 422);
    assert.equal((await call(heroku, 'POST', '/apps/acme-api/log-sessions', { body: { source: 'db' } })).status, 422);
    assert.equal((await call(heroku, 'POST', '/apps/nope/log-sessions', { body: {} })).status, 404);
    assert.equal((await fetch(`${heroku.url}/__logplex/not-a-token`)).status, 404);
  });

  it('can be cut by a drop fault after some bytes', async () => {
    const url = await session(heroku.fake, 'acme-web-production', { lines: 100 });
    heroku.fake.faults.add({ path: '/__logplex/*', drop: true, afterBytes: 300, times: 1 });
    const res = await fetch(url);
    const text = await res.text().catch((e: Error) => e);
    assert.ok(text instanceof Error, 'the body fails because the socket was destroyed');
  });

  it('serves release-phase output as text at output_stream_url', async () => {
    const rel = (await call(heroku, 'GET', '/apps/acme-web-production/releases/40')).body as { output_stream_url: string; status: string };
    assert.equal(rel.status, 'failed');
    const res = await fetch(rel.output_stream_url);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await res.text(), /Release command exited with status 1\n$/);
    const none = (await call(heroku, 'GET', '/apps/acme-web-production/releases/39')).body as { output_stream_url: string | null };
    assert.equal(none.output_stream_url, null);
  });
});
