import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { call } from './client';

type Named = { id: string; name: string };

describe('fake Heroku: Range paging', () => {
  const heroku = useFakeHeroku({ apps: 1200, resetEach: false });

  it('returns 200 and all items when they fit, with Accept-Ranges', async () => {
    const r = await call(heroku, 'GET', '/teams');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('accept-ranges'), 'id, name');
    assert.equal(r.headers.get('next-range'), null);
  });

  it('defaults to 200 items and returns 206 with Next-Range when more remain', async () => {
    const r = await call(heroku, 'GET', '/apps');
    assert.equal(r.status, 206);
    assert.equal((r.body as unknown[]).length, 200);
    assert.match(r.headers.get('next-range') ?? '', /^id \][0-9a-f-]{36}\.\.; max=200$/);
  });

  it('follows Next-Range across pages of max=1000 and sees every app exactly once', async () => {
    const seen: string[] = [];
    let range: string | null = 'id ..; max=1000';
    let pages = 0;
    while (range) {
      const r = await call(heroku, 'GET', '/apps', { headers: { Range: range } });
      pages++;
      seen.push(...(r.body as Named[]).map((a) => a.id));
      range = r.status === 206 ? r.headers.get('next-range') : null;
      if (r.status === 206) assert.ok(range, '206 must carry Next-Range');
    }
    assert.equal(pages, 2);
    assert.equal(seen.length, heroku.fake.state.apps.size);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(seen, [...seen].sort());
  });

  it('caps max at 1000', async () => {
    const r = await call(heroku, 'GET', '/apps', { headers: { Range: 'id ..; max=5000' } });
    assert.equal((r.body as unknown[]).length, 1000);
  });

  it('sorts by name descending with order=desc and pages on', async () => {
    const r = await call(heroku, 'GET', '/apps', { headers: { Range: 'name ..; max=3, order=desc' } });
    const names = (r.body as Named[]).map((a) => a.name);
    assert.deepEqual(names, ['load-app-1200', 'load-app-1199', 'load-app-1198']);
    assert.equal(r.headers.get('next-range'), 'name ]load-app-1198..; max=3, order=desc');
    const next = await call(heroku, 'GET', '/apps', { headers: { Range: r.headers.get('next-range') ?? '' } });
    assert.deepEqual((next.body as Named[]).map((a) => a.name), ['load-app-1197', 'load-app-1196', 'load-app-1195']);
  });

  it('rejects a Range on an unsortable field or with a bad max with 416', async () => {
    const field = await call(heroku, 'GET', '/apps', { headers: { Range: 'stack ..; max=10' } });
    assert.equal(field.status, 416);
    assert.equal((field.body as { id: string }).id, 'requested_range_not_satisfiable');
    assert.equal((await call(heroku, 'GET', '/apps', { headers: { Range: 'id ..; max=0' } })).status, 416);
  });

  it('gives each page its own ETag and honours If-None-Match per page', async () => {
    const r = await call(heroku, 'GET', '/apps', { headers: { Range: 'name ..; max=10' } });
    const etag = r.headers.get('etag') ?? '';
    const again = await call(heroku, 'GET', '/apps', { headers: { Range: 'name ..; max=10', 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const other = await call(heroku, 'GET', '/apps', { headers: { Range: 'name ..; max=11', 'If-None-Match': etag } });
    assert.equal(other.status, 206);
  });

  it('pages releases by version, newest first, across Next-Range', async () => {
    const versions: number[] = [];
    let range: string | null = 'version ..; max=15, order=desc';
    while (range) {
      const r = await call(heroku, 'GET', '/apps/acme-web-production/releases', { headers: { Range: range } });
      assert.equal(r.headers.get('accept-ranges'), 'id, version');
      versions.push(...(r.body as { version: number }[]).map((x) => x.version));
      range = r.status === 206 ? r.headers.get('next-range') : null;
    }
    assert.deepEqual(versions, Array.from({ length: 42 }, (_, i) => 42 - i));
  });
});
