import assert from 'node:assert/strict';
import { HerokuClient } from '../../../../src/infra/heroku/client';
import type { App, Dyno, Release } from '../../../../src/core/heroku/types';
import { startFakeHeroku } from '../../../support/fake-heroku';
import { appStatus, currentRelease, dynoHealth, LOW_RATE_LIMIT } from '../../../../src/vscode/statusbar/model';

const dyno = (name: string, state: string): Dyno => ({
  id: name, name, type: name.split('.')[0], state, command: 'x', size: 'basic', created_at: '', updated_at: '',
  app: { id: 'a', name: 'app' }, release: { id: 'r', version: 1 },
});
const release = (version: number, status: Release['status'], current = false): Release => ({
  id: `r${version}`, version, status, current, description: `Deploy ${version}`, created_at: '', updated_at: '',
  app: { id: 'a', name: 'app' }, user: { id: 'u', email: 'u@x' }, slug: null, addon_plan_names: [], output_stream_url: null,
});

describe('status bar model', () => {
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

  it('malformed answers from the fake Heroku: bad dynos and releases are skipped, never thrown on', async () => {
    const fake = await startFakeHeroku();
    try {
      const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
      fake.faults.add({ path: '/apps/dana-blog/dynos', body: [null, 42, { type: 'web', state: 'up' }, { name: 7, type: 'web', state: 'up' }, { name: 'web.1', type: 'web', state: 'crashed' }] });
      fake.faults.add({ path: '/apps/dana-blog/releases', body: [null, { version: 'v3', current: true }, { version: 2, status: 'succeeded', current: true, description: { x: 1 } }] });
      fake.faults.add({ path: '/apps/dana-blog', body: { name: 'dana-blog', maintenance: 'on' } });
      const [info, releases, dynos] = await Promise.all([client.app('dana-blog'), client.releases('dana-blog', 5), client.dynos('dana-blog')]);
      assert.ok(info.ok && releases.ok && dynos.ok);
      assert.deepEqual(dynoHealth(dynos.value), { up: 0, total: 1, crashed: 1, starting: 0 });
      assert.equal(currentRelease(releases.value)?.version, 2);
      const view = appStatus({ app: 'dana-blog', info: info.value, releases: releases.value, dynos: dynos.value });
      assert.equal(view.text, '$(error) dana-blog · v2 · 0/1 up');
      assert.match(view.tooltip, /^Heroku app dana-blog\nCurrent release: v2 \(succeeded\)/, 'no maintenance from "on", no [object Object]');
      const notLists = appStatus({ app: 'x', info: {} as App, releases: {} as Release[], dynos: 'no' as unknown as Dyno[] });
      assert.match(notLists.text, /^\$\(cloud\) x/);
    } finally {
      await fake.close();
    }
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
