import assert from 'node:assert/strict';
import type { Dyno, Release } from '../../../../src/core/heroku/types';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { appStatus, currentRelease, dynoHealth, LOW_RATE_LIMIT, statusInput } from '../../../../src/core/status/summary';

const dyno = (name: string, state: string): Dyno => ({
  id: name, name, type: name.split('.')[0], state, command: 'x', size: 'basic', created_at: '', updated_at: '',
  app: { id: 'a', name: 'app' }, release: { id: 'r', version: 1 },
});
const release = (version: number, status: Release['status'], current = false): Release => ({
  id: `r${version}`, version, status, current, description: `Deploy ${version}`, created_at: '', updated_at: '',
  app: { id: 'a', name: 'app' }, user: { id: 'u', email: 'u@x' }, slug: null, addon_plan_names: [], output_stream_url: null,
});

describe('core/status: the status summary', () => {
  it('counts dyno health without one-off run dynos', () => {
    assert.deepEqual(dynoHealth([dyno('web.1', 'up'), dyno('web.2', 'crashed'), dyno('worker.1', 'starting'), dyno('run.1234', 'up'), dyno('clock.1', 'idle')]),
      { up: 2, total: 4, crashed: 1, starting: 1 });
  });

  it('takes the release marked current, else the newest succeeded one', () => {
    assert.equal(currentRelease([release(9, 'failed'), release(8, 'succeeded', true)])?.version, 8);
    assert.equal(currentRelease([release(9, 'failed'), release(7, 'succeeded'), release(8, 'succeeded')])?.version, 8);
    assert.equal(currentRelease([]), undefined);
  });

  it('shows name, release and health; crashed dynos make it an error', () => {
    const ok = appStatus({ app: 'shop', releases: [release(42, 'succeeded', true)], dynos: [dyno('web.1', 'up')] });
    assert.equal(ok.text, '$(cloud) shop · v42 · 1/1 up');
    assert.equal(ok.severity, 'ok');
    const bad = appStatus({ app: 'shop', releases: [release(42, 'succeeded', true)], dynos: [dyno('web.1', 'crashed')] });
    assert.equal(bad.text, '$(error) shop · v42 · 0/1 up');
    assert.equal(bad.severity, 'error');
    assert.match(bad.tooltip, /1 crashed/);
  });

  describe('from the fake Heroku', () => {
    const heroku = useFakeHeroku();
    it('malformed answers: bad dynos and releases are skipped by the client, never thrown on', async () => {
      const fake = heroku.fake;
      const { client } = heroku.client();
      fake.faults.add({ path: '/apps/dana-blog/dynos', body: [null, 42, { type: 'web', state: 'up' }, { name: 7, type: 'web', state: 'up' }, { name: 'web.1', type: 'web', state: 'crashed' }] });
      fake.faults.add({ path: '/apps/dana-blog/releases', body: [null, { version: 'v3', current: true }, { id: 'r2', version: 2, status: 'succeeded', current: true, description: { x: 1 } }] });
      fake.faults.add({ path: '/apps/dana-blog', body: { id: 'a1', name: 'dana-blog', maintenance: 'on' } });
      const [info, releases, dynos] = await Promise.all([client.app('dana-blog'), client.releases('dana-blog', 5), client.dynos('dana-blog')]);
      assert.ok(info.ok && releases.ok && dynos.ok);
      assert.deepEqual(dynoHealth(dynos.value), { up: 0, total: 1, crashed: 1, starting: 0 });
      assert.equal(currentRelease(releases.value)?.version, 2);
      const view = appStatus({ app: 'dana-blog', info: info.value, releases: releases.value, dynos: dynos.value });
      assert.equal(view.text, '$(error) dana-blog · v2 · 0/1 up');
      assert.match(view.tooltip, /^Heroku app dana-blog\nCurrent release: v2 \(succeeded\)/, 'no maintenance from "on", no [object Object]');
      assert.deepEqual([dynos.skipped, releases.skipped], [4, 2], 'the client counted what it left out');
    });
  });

  it('reads the store\'s snapshot: values kept, the first failure of the three reads shown', () => {
    const err = { id: 'not_found', message: 'gone', status: 404, method: 'GET', path: '/apps/shop/dynos' };
    const input = statusInput({ name: 'shop', releases: { value: [release(3, 'succeeded', true)], at: 1 }, dynos: { error: err, at: 1 } }, 10);
    assert.deepEqual(input, { app: 'shop', info: undefined, releases: [release(3, 'succeeded', true)], dynos: undefined, error: err, rateLimitRemaining: 10 });
    assert.match(appStatus(input).tooltip, /Could not load: gone/);
  });

  it('warns when the rate limit is low and when signed out', () => {
    const low = appStatus({ app: 'shop', dynos: [], rateLimitRemaining: LOW_RATE_LIMIT - 1 });
    assert.equal(low.severity, 'warning');
    assert.match(low.tooltip, /rate limit remaining: 299 \(low\)/);
    const out = appStatus({ app: 'shop', error: { id: 'no_token', message: 'x', status: 0, method: 'GET', path: '' } });
    assert.equal(out.severity, 'warning');
    assert.match(out.tooltip, /click to sign in/);
    const failed = appStatus({ app: 'shop', error: { id: 'not_found', message: 'Couldn\'t find that app.', status: 404, method: 'GET', path: '/apps/shop' } });
    assert.equal(failed.severity, 'error');
    assert.match(failed.tooltip, /Could not load: Couldn't find that app\./);
  });
});
