import assert from 'node:assert/strict';
import { startFakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { taggedPids } from '../../../support/fake-heroku/oneoff/processes';
import { call } from './client';
import { waitUntil, type WaitOptions } from '../../../support/wait';
import { attach } from './rendezvous-client';

type Dyno = { id: string; name: string; state: string; attach_url: string | null; type: string; size: string };

/** Polls often: the dyno's exit and its log lines come within milliseconds. */
const POLL: WaitOptions = { ms: 8000, everyMs: 20 };

describe('fake Heroku: one-off dynos (heroku run)', function () {
  this.timeout(20_000);
  const heroku = useFakeHeroku();

  const run = async (command: string, extra: Record<string, unknown> = {}): Promise<Dyno> => {
    const r = await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command, attach: true, size: 'basic', type: 'run', env: { TERM: 'xterm', COLUMNS: 100, LINES: 30 }, ...extra } });
    assert.equal(r.status, 201, r.text);
    return r.body as Dyno;
  };
  const names = async (): Promise<string[]> => ((await call(heroku, 'GET', '/apps/dana-blog/dynos')).body as Dyno[]).map((d) => d.name);
  const logs = (): string[] => (heroku.fake.state.logEvents.get(heroku.fake.state.app('dana-blog').id) ?? []).map((e) => `${e.source}[${e.dyno}]: ${e.message}`);
  const gone = (name: string) => waitUntil(`${name} to leave GET /dynos`, async () => !(await names()).includes(name), POLL);

  it('answers with a run.N dyno whose attach_url leads to a TLS rendezvous; `echo hi` prints and ends', async () => {
    const d = await run('echo hi');
    assert.equal(d.name, 'run.1');
    assert.match(d.attach_url ?? '', /^rendezvous:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}$/);
    assert.ok((await names()).includes('run.1'), 'the dyno is listed while it waits for its client');
    const c = attach(d.attach_url!);
    const out = await c.closed;
    assert.equal(c.firstLine(), 'rendezvous\r\n');
    assert.match(out, /hi\r\n/);
    await gone('run.1');
    assert.ok(logs().includes('heroku[run.1]: Process exited with status 0'), logs().join('\n'));
  });

  it('passes the exit status with the CLI\'s marker line, and runs with the app\'s config and the given env', async () => {
    const d = await run('sh -c \'echo "$RAILS_ENV $DYNO $COLUMNS"; exit 3\' ; echo "\uFFFF heroku-command-exit-status: $?"');
    const out = await attach(d.attach_url!).closed;
    assert.match(out, /production run\.1 100/);
    assert.match(out, /\uFFFF heroku-command-exit-status: 3/);
    const plain = await run('exit 3');
    await attach(plain.attach_url!).closed;
    await waitUntil('exit status 3 in the log', () => logs().some((l) => /run\.\d\]: Process exited with status 3/.test(l)), POLL);
  });

  it('is a terminal both ways: an interactive read gets what is typed, echoed back', async () => {
    const d = await run('read -p "Name? " n; echo "hello $n"');
    const c = attach(d.attach_url!);
    await c.waitFor(/Name\? $/);
    c.socket.write('dana\r');
    const out = await c.closed;
    assert.match(out, /dana\r\nhello dana\r\n/);
  });

  it('Ctrl-C (byte 0x03) interrupts the command, as on a dyno', async () => {
    const d = await run('echo ready; sleep 30; echo after');
    const c = attach(d.attach_url!);
    await c.waitFor(/ready/);
    c.socket.write('\x03');
    const out = await c.closed;
    assert.doesNotMatch(out, /after/);
    await waitUntil('exit status 130', () => logs().includes('heroku[run.1]: Process exited with status 130'), POLL);
  });

  it('closes the connection on a wrong secret, without a byte; the right one still works once', async () => {
    const d = await run('echo ok');
    const wrong = attach(d.attach_url!, 'not-the-secret');
    await wrong.closed;
    assert.equal(wrong.firstLine(), undefined);
    const right = attach(d.attach_url!);
    assert.match(await right.closed, /ok/);
    const again = attach(d.attach_url!);
    await again.closed;
    assert.equal(again.firstLine(), undefined, 'a secret works once');
  });

  it('kills the whole dyno when the client drops, even a process that ignores SIGHUP', async () => {
    const d = await run('trap "" HUP; (sleep 300; echo late) & echo ready; sleep 300');
    const c = attach(d.attach_url!);
    await c.waitFor(/ready/);
    assert.ok(taggedPids(d.id).length >= 2, 'the command and its background job run');
    c.socket.destroy();
    await gone('run.1');
    await waitUntil('no process left', () => taggedPids(d.id).length === 0, POLL);
  });

  it('close() kills running dynos', async () => {
    const other = await startFakeHeroku();
    let id = '';
    try {
      const r = await call(other, 'POST', '/apps/dana-blog/dynos', { body: { command: 'echo ready; sleep 300', attach: true } });
      const d = r.body as Dyno;
      id = d.id;
      await attach(d.attach_url!).waitFor(/ready/);
      assert.equal(taggedPids(id).length > 0, true);
    } finally {
      await other.close();
    }
    assert.deepEqual(taggedPids(id), []);
  });

  it('run:detached (attach false) writes the output to the app log and lists the dyno while it runs', async () => {
    const command = 'echo out; echo err >&2; sleep 1; exit 4';
    const r = await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command } });
    const d = r.body as Dyno;
    assert.equal(d.attach_url, null);
    assert.ok((await names()).includes(d.name));
    await gone(d.name);
    const l = logs();
    assert.equal(d.name, 'run.1');
    for (const want of [`app[api]: Starting process with command \`${command}\` by user dana@example.com`,
      'app[run.1]: out', 'app[run.1]: err', 'heroku[run.1]: Process exited with status 4', 'heroku[run.1]: State changed from up to complete']) {
      assert.ok(l.includes(want), `${want} missing from\n${l.join('\n')}`);
    }
  });

  it('ends a dyno at its time_to_live, on stop, and gives up (R13) when nobody attaches', async () => {
    const ttl = (await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command: 'sleep 60', time_to_live: 1 } })).body as Dyno;
    const stopped = (await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command: 'sleep 60' } })).body as Dyno;
    assert.equal((await call(heroku, 'POST', `/apps/dana-blog/dynos/${stopped.name}/actions/stop`)).status, 202);
    await gone(stopped.name);
    await gone(ttl.name);
    heroku.fake.state.attachTimeoutMs = 30;
    const lonely = await run('echo never');
    await gone(lonely.name);
    assert.ok(logs().includes(`heroku[${lonely.name}]: Error R13 (Attach error) -> Failed to attach to process`));
    assert.deepEqual([...taggedPids(ttl.id), ...taggedPids(stopped.id)], []);
  });

  it('on a Fir-generation app an attached dyno gets an https attach URL (the SSH tunnel); bad bodies get 422', async () => {
    heroku.fake.state.app('dana-blog').generation = 'fir';
    const r = await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command: 'bash', attach: true } });
    assert.equal(r.status, 201);
    assert.match((r.body as Dyno).attach_url ?? '', /^https:\/\/127\.0\.0\.1:\d+\/[\w-]+$/);
    assert.equal((await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command: 'true' } })).status, 201);
    assert.equal((await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { attach: true } })).status, 422);
    assert.equal((await call(heroku, 'POST', '/apps/dana-blog/dynos', { body: { command: 'x', env: { A: { b: 1 } } } })).status, 422);
  });
});
