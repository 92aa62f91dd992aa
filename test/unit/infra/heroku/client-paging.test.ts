import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { seen } from '../../../support/heroku-client';

describe('HerokuClient: Range paging and ETags', () => {
  const heroku = useFakeHeroku({ apps: 1200 });

  it('follows Next-Range across pages and returns every app once', async () => {
    const { client } = heroku.client();
    const r = await client.apps();
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const expected = heroku.fake.state.apps.size;
    assert.ok(expected > 1200, `the fake holds ${expected} apps`);
    assert.equal(r.value.length, expected);
    assert.equal(new Set(r.value.map((a) => a.id)).size, expected, 'no duplicates across pages');
    const reqs = seen(heroku.fake, 'GET', '/apps');
    assert.equal(reqs.length, Math.ceil(expected / 1000));
    assert.equal(reqs[0].headers.range, 'id ..; max=1000');
    assert.match(reqs[1].headers.range ?? '', /^id \].+\.\.; max=1000$/);
    assert.equal(reqs[0].status, 206);
  });

  it('revalidates with If-None-Match: an unchanged second listing is all 304s and notModified', async () => {
    const { client } = heroku.client();
    const first = await client.apps();
    assert.ok(first.ok);
    assert.equal(first.notModified, undefined);
    const before = heroku.fake.requests.length;
    const second = await client.apps();
    assert.ok(second.ok);
    assert.equal(second.notModified, true);
    assert.deepEqual(second.value.map((a) => a.id), first.value.map((a) => a.id));
    const again = heroku.fake.requests.slice(before);
    assert.ok(again.length >= 2);
    assert.deepEqual(again.map((r) => r.status), again.map(() => 304));
    assert.ok(again.every((r) => typeof r.headers['if-none-match'] === 'string'));
  });

  it('a change shows up on the next refresh (200, not the cached body)', async () => {
    const { client } = heroku.client();
    const a = await client.app('dana-blog');
    assert.ok(a.ok);
    const flipped = !a.value.maintenance;
    const upd = await client.updateApp('dana-blog', { maintenance: flipped });
    assert.ok(upd.ok && upd.value.maintenance === flipped);
    const b = await client.app('dana-blog');
    assert.ok(b.ok);
    assert.equal(b.notModified, undefined);
    assert.equal(b.value.maintenance, flipped);
    const gets = seen(heroku.fake, 'GET', '/apps/dana-blog');
    assert.equal(typeof gets[1].headers['if-none-match'], 'string', 'the refresh revalidated');
    assert.equal(gets[1].status, 200);
  });

  it('releases asks for the newest N with order=desc and returns them newest first', async () => {
    const { client } = heroku.client();
    const r = await client.releases('acme-web-production', 3);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.ok(r.value.length <= 3 && r.value.length > 0);
    const versions = r.value.map((x) => x.version);
    assert.deepEqual(versions, [...versions].sort((x, y) => y - x));
    const req = seen(heroku.fake, 'GET', '/apps/acme-web-production/releases')[0];
    assert.equal(req.headers.range, 'version ..; max=3, order=desc');
    assert.match(req.headers.accept ?? '', /version=3\.sdk/);
  });
});
