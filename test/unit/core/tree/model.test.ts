import * as assert from 'node:assert/strict';
import type { HerokuApi } from '../../../../src/core/heroku/api';
import type { Result } from '../../../../src/core/heroku/result';
import type { App } from '../../../../src/core/heroku/types';
import { AppStore } from '../../../../src/core/state/store';
import { ExplorerModel, ROOTS, type WorkspaceApp } from '../../../../src/core/tree/model';
import { FakeClock } from '../../../support/fake-clock';
import { waitUntil } from '../../../support/wait';
import type { ExplorerNode } from '../../../../src/core/tree/nodes';

type Res = Result<unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stub answers with the decoded shapes, typed loosely
const ok = (value: any): Promise<Res> => Promise.resolve({ ok: true, value });
const fail = (id: string, message: string, status: number): Promise<Res> => Promise.resolve({ ok: false, error: { id, message, status, method: 'GET', path: '' } });

function app(name: string, extra: Record<string, unknown> = {}): App {
  return { id: `id-${name}`, name, region: { name: 'us' }, stack: { name: 'heroku-24' }, space: null, team: null, maintenance: false,
    owner: { email: 'me@example.com' }, web_url: `https://${name}.herokuapp.com/`, ...extra };
}

/** The explorer's reads, by the names the tree knows them (a stub: the decoded values the client would hand over). */
interface ExplorerApi {
  account(signal?: AbortSignal): Promise<Res>;
  listApps(signal?: AbortSignal): Promise<Res>;
  getApp(name: string, signal?: AbortSignal): Promise<Res>;
  pipelineCouplings(signal?: AbortSignal): Promise<Res>;
  dynos(app: string, signal?: AbortSignal): Promise<Res>;
  formation(app: string, signal?: AbortSignal): Promise<Res>;
  addons(app: string, signal?: AbortSignal): Promise<Res>;
  attachments(app: string, signal?: AbortSignal): Promise<Res>;
  releases(app: string, signal?: AbortSignal): Promise<Res>;
  configVars(app: string, signal?: AbortSignal): Promise<Res>;
  domains(app: string, signal?: AbortSignal): Promise<Res>;
}

function port(e: ExplorerApi): () => HerokuApi {
  const o = (x?: { signal?: AbortSignal }) => x?.signal;
  const api = {
    rateLimitRemaining: undefined,
    account: (x?: { signal?: AbortSignal }) => e.account(o(x)),
    apps: (x?: { signal?: AbortSignal }) => e.listApps(o(x)),
    app: (n: string, x?: { signal?: AbortSignal }) => e.getApp(n, o(x)),
    allPipelineCouplings: (x?: { signal?: AbortSignal }) => e.pipelineCouplings(o(x)),
    dynos: (a: string, x?: { signal?: AbortSignal }) => e.dynos(a, o(x)),
    formation: (a: string, x?: { signal?: AbortSignal }) => e.formation(a, o(x)),
    addons: (a: string, x?: { signal?: AbortSignal }) => e.addons(a, o(x)),
    attachments: (a: string, x?: { signal?: AbortSignal }) => e.attachments(a, o(x)),
    releases: (a: string, _n?: number, x?: { signal?: AbortSignal }) => e.releases(a, o(x)),
    configVars: (a: string, x?: { signal?: AbortSignal }) => e.configVars(a, o(x)),
    domains: (a: string, x?: { signal?: AbortSignal }) => e.domains(a, o(x)),
  };
  return () => api as unknown as HerokuApi;
}

function api(over: Partial<ExplorerApi> = {}): () => HerokuApi {
  const apps = [app('zeta'), app('alpha'), app('team-app', { team: { name: 'acme' } }), app('theirs', { owner: { email: 'x@y.z' } }),
    app('spaced', { team: { name: 'acme' }, space: { name: 'secure', shield: true }, region: { name: 'virginia' }, maintenance: true })];
  return port({
    account: () => ok({ id: 'me', email: 'me@example.com' }),
    listApps: () => ok(apps),
    getApp: (n) => { const a = apps.find((x) => x.name === n); return a ? ok(a) : fail('not_found', `Couldn't find that app.`, 404); },
    dynos: () => ok([{ name: 'web.2', type: 'web', state: 'crashed', size: 'Basic' }, { name: 'web.1', type: 'web', state: 'up', size: 'Basic' }, { name: 'worker.1', type: 'worker', state: 'starting' }]),
    formation: () => ok([{ type: 'web', quantity: 2, size: 'Standard-1X', command: 'npm start' }]),
    addons: () => ok([{ name: 'postgresql-curved-1', plan: { name: 'heroku-postgresql:essential-0' }, app: { name: 'alpha' }, addon_service: { name: 'heroku-postgresql' } }]),
    attachments: () => ok([{ name: 'DATABASE', addon: { name: 'postgresql-curved-1' }, app: { name: 'alpha' } }]),
    releases: () => ok(Array.from({ length: 30 }, (_, i) => ({ id: `r${i + 1}`, version: i + 1, status: i === 28 ? 'failed' : 'succeeded', current: i === 27, description: `Deploy ${i + 1}` }))),
    configVars: () => ok({ SECRET_KEY: 'hunter2-very-secret', EMPTY: '' }),
    domains: () => ok([{ hostname: 'www.example.com', kind: 'custom', cname: 'x.herokudns.com', status: 'succeeded' }, { hostname: 'alpha.herokuapp.com', kind: 'heroku' }]),
    pipelineCouplings: () => ok([]),
    ...over,
  });
}

/** The tree over a store of its own (the stub answers as the client would); `state` to refresh or reset it. */
function tree(api: () => HerokuApi, ws: () => Promise<WorkspaceApp[]>, onSecret?: (v: string) => void): ExplorerModel & { state: AppStore } {
  const state = new AppStore({ api, clock: new FakeClock(), onSecret });
  return Object.assign(new ExplorerModel(state, ws), { state });
}

async function path(model: ExplorerModel, ...labels: string[]): Promise<ExplorerNode[]> {
  let nodes = await model.children();
  for (const label of labels) {
    const next = nodes.find((n) => n.label === label);
    assert.ok(next, `no node ${label} in ${nodes.map((n) => n.label).join(', ')}`);
    nodes = await model.children(next);
  }
  return nodes;
}

describe('core/tree/model', () => {
  it('roots are This workspace and All apps', async () => {
    assert.deepEqual((await tree(api(), async () => []).children()).map((n) => n.label), ROOTS.map((n) => n.label));
  });

  it('groups apps Personal / each team / shared, sorted, with facts in the description', async () => {
    const m = tree(api(), async () => []);
    assert.deepEqual((await path(m, 'All apps')).map((n) => n.label), ['Personal', 'acme', 'Shared with you']);
    assert.deepEqual((await path(m, 'All apps', 'Personal')).map((n) => n.label), ['alpha', 'zeta']);
    const [spaced] = (await path(m, 'All apps', 'acme')).filter((n) => n.label === 'spaced');
    assert.equal(spaced.description, 'virginia · heroku-24 · space secure · maintenance');
    assert.equal(spaced.contextValue, 'heroku.app.maintenance');
    assert.match(spaced.tooltip ?? '', /Space: secure \(shield\)/);
  });

  it('workspace apps come from remotes; an unknown one is an error node with the reason', async () => {
    const m = tree(api(), async () => [{ app: 'zeta', remote: 'heroku', folder: 'web' }, { app: 'gone', remote: 'staging', folder: 'web' }]);
    const nodes = await path(m, 'This workspace');
    assert.deepEqual(nodes.map((n) => [n.kind, n.label]), [['error', 'gone'], ['app', 'zeta']]);
    assert.match(nodes[0].description ?? '', /Couldn't find/);
    assert.notEqual(nodes[1].id, (await path(m, 'All apps', 'Personal')).find((n) => n.label === 'zeta')?.id);
  });

  it('sections: dyno state icons, formation, add-ons with attachments, releases, masked config, domains', async () => {
    const m = tree(api(), async () => []);
    const base = ['All apps', 'Personal', 'alpha'];
    assert.deepEqual((await path(m, ...base)).map((n) => n.label), ['Dynos', 'Formation', 'Add-ons', 'Releases', 'Config Vars', 'Domains']);
    const dynos = await path(m, ...base, 'Dynos');
    assert.deepEqual(dynos.map((n) => [n.label, n.icon?.id]), [['web.1', 'pass-filled'], ['web.2', 'error'], ['worker.1', 'sync~spin']]);
    assert.equal((await path(m, ...base, 'Formation'))[0].description, '2 × Standard-1X');
    assert.equal((await path(m, ...base, 'Add-ons'))[0].description, 'heroku-postgresql:essential-0 · DATABASE');
    const releases = await path(m, ...base, 'Releases');
    assert.equal(releases.length, 20);
    assert.equal(releases[0].label, 'v30');
    assert.equal(releases[1].contextValue, 'heroku.release.failed');
    assert.equal(releases.find((r) => r.label === 'v28')?.description, 'current · Deploy 28');
    const config = await path(m, ...base, 'Config Vars');
    assert.ok(!JSON.stringify(config).includes('hunter2'), 'value leaked before reveal');
    m.setRevealed('alpha', 'SECRET_KEY', true);
    assert.equal((await path(m, ...base, 'Config Vars')).find((n) => n.label === 'SECRET_KEY')?.description, 'hunter2-very-secret');
    assert.deepEqual((await path(m, ...base, 'Domains')).map((n) => n.label), ['alpha.herokuapp.com', 'www.example.com']);
  });

  it('tells which nodes show a change, and wants what is expanded while visible', async () => {
    const m = tree(api(), async () => [{ app: 'zeta', remote: 'heroku', folder: 'web' }]);
    await path(m, 'All apps', 'Personal', 'alpha', 'Dynos');
    await path(m, 'This workspace');
    assert.deepEqual(m.showingChange({ app: 'alpha', slices: ['dynos'] }), ['all/personal/app:alpha/dynos']);
    assert.deepEqual(m.showingChange({ app: 'alpha', slices: ['formation'] }), []);
    assert.deepEqual(m.showingChange({ app: 'zeta', slices: ['app'] }), ['workspace']);
    assert.deepEqual(m.showingChange({ account: ['apps'] }).sort(), ['all', 'all/personal']);
    m.collapsed('all/personal');
    assert.deepEqual(m.showingChange({ app: 'alpha', slices: ['dynos'] }), [], 'collapsed with its parent');
    assert.deepEqual((await m.state.refreshWanted()).slices, 3, 'the apps, the couplings and zeta\'s app');
    m.setVisible(false);
    assert.deepEqual(await m.state.refreshWanted(), { slices: 0, failures: 0 }, 'hidden: nothing wanted');
  });

  it('hands every config value to onSecret (the redactor)', async () => {
    const secrets: string[] = [];
    await path(tree(api(), async () => [], (v) => secrets.push(v)), 'All apps', 'Personal', 'alpha', 'Config Vars');
    assert.deepEqual(secrets, ['hunter2-very-secret', '']);
  });

  it('a 401 becomes a sign-in node, other errors show the message', async () => {
    const m401 = tree(api({ listApps: () => fail('unauthorized', 'Invalid credentials provided.', 401) }), async () => []);
    const [node] = await path(m401, 'All apps');
    assert.equal(node.kind, 'signIn');
    assert.equal(node.command?.id, 'heroku.signIn');
    const m500 = tree(api({ dynos: () => fail('internal_server_error', 'Something broke.', 500) }), async () => []);
    const [err] = await path(m500, 'All apps', 'Personal', 'alpha', 'Dynos');
    assert.equal(err.kind, 'error');
    assert.equal(err.label, 'Something broke.');
  });

  it('a failed refresh of the app list keeps the list it had, under a node that says why; the next good read drops it', async () => {
    let answer: () => Promise<Res> = () => ok([app('alpha'), app('team-app', { team: { name: 'acme' } })]);
    const m = tree(api({ listApps: () => answer() }), async () => []);
    assert.deepEqual((await path(m, 'All apps')).map((n) => n.label), ['Personal', 'acme']);
    answer = () => fail('service_unavailable', 'Heroku is down for maintenance.', 503);
    m.state.invalidate();
    const failed = await path(m, 'All apps');
    assert.deepEqual(failed.map((n) => [n.kind, n.label]), [['error', 'Could not refresh the app list'], ['owner', 'Personal'], ['owner', 'acme']]);
    assert.equal(failed[0].description, 'Heroku is down for maintenance.');
    assert.match(failed[0].tooltip ?? '', /service_unavailable \(HTTP 503\): Heroku is down for maintenance\.\nThe apps below are from an earlier read\./);
    assert.deepEqual((await path(m, 'All apps', 'acme')).map((n) => n.label), ['team-app'], 'the kept groups still open');
    answer = () => fail('unauthorized', 'Invalid credentials provided.', 401);
    m.state.invalidate();
    const signIn = await path(m, 'All apps');
    assert.deepEqual(signIn.map((n) => n.kind), ['signIn', 'owner', 'owner']);
    assert.equal(signIn[0].description, 'the apps below are from an earlier read');
    answer = () => ok([app('alpha')]);
    m.state.invalidate();
    assert.deepEqual((await path(m, 'All apps')).map((n) => [n.kind, n.label]), [['owner', 'Personal']]);
  });

  it('a malformed answer (the client\'s error) becomes an error node, a throwing port never escapes', async () => {
    const m = tree(api({
      listApps: () => Promise.resolve({ ok: false, error: { id: 'malformed_response', message: 'Heroku sent an unexpected answer for a list of apps (GET /apps): expected a list, got an object.', status: 200, method: 'GET', path: '/apps' } }),
      domains: () => Promise.reject(new Error('socket hang up')),
    }), async () => []);
    const [bad] = await path(m, 'All apps');
    assert.equal(bad.kind, 'error');
    assert.match(bad.label, /unexpected answer/);
    const app = { id: 'x/app:alpha', kind: 'app', label: 'alpha', app: 'alpha', contextValue: 'heroku.app', collapsible: 'collapsed' } as const;
    const sections = await m.children(app);
    assert.match((await m.children(sections[5]))[0].label, /socket hang up/);
  });

  it('pages large groups with a Load more node and reads the list once per refresh', async () => {
    let calls = 0;
    const many = Array.from({ length: 250 }, (_, i) => app(`app-${String(i).padStart(4, '0')}`));
    const m = tree(api({ listApps: () => { calls++; return ok(many); } }), async () => []);
    let nodes = await path(m, 'All apps', 'Personal');
    assert.equal(nodes.length, 101);
    assert.deepEqual([nodes[100].kind, nodes[100].description], ['more', '150 more']);
    m.loadMore(nodes[100].ref ?? '');
    nodes = await path(m, 'All apps', 'Personal');
    assert.equal(nodes.length, 201);
    assert.equal(calls, 1);
    m.state.invalidate();
    await path(m, 'All apps');
    assert.equal(calls, 2);
  });

  it('marks apps that promote to a next pipeline stage in their context value and tooltip', async () => {
    const withIds = [app('alpha', { id: 'id-alpha' }), app('zeta', { id: 'id-zeta', maintenance: true }), app('team-app', { id: 'id-t', team: { name: 'acme' } })];
    const m = tree(api({
      listApps: () => ok(withIds),
      getApp: (n) => ok(withIds.find((a) => a.name === n)),
      pipelineCouplings: () => ok([
        { id: 'c1', app: { id: 'id-alpha' }, pipeline: { id: 'p' }, stage: 'development' },
        { id: 'c2', app: { id: 'id-zeta' }, pipeline: { id: 'p' }, stage: 'staging' },
        { id: 'c3', app: { id: 'id-t' }, pipeline: { id: 'p' }, stage: 'production' },
      ]),
    }), async () => [{ app: 'zeta', remote: 'heroku', folder: 'web' }]);
    const personal = await path(m, 'All apps', 'Personal');
    assert.deepEqual(personal.map((n) => [n.label, n.contextValue]), [['alpha', 'heroku.app.promote-staging'], ['zeta', 'heroku.app.maintenance.promote-production']]);
    assert.match(personal[0].tooltip ?? '', /Pipeline: promotes to staging/);
    assert.equal((await path(m, 'All apps', 'acme'))[0].contextValue, 'heroku.app', 'production promotes nowhere');
    assert.equal((await path(m, 'This workspace'))[0].contextValue, 'heroku.app.maintenance.promote-production');
    assert.deepEqual([...await m.promotableApps()], [['alpha', 'staging'], ['zeta', 'production']]);
    const failing = tree(api({ pipelineCouplings: () => fail('forbidden', 'no', 403) }), async () => []);
    assert.ok((await path(failing, 'All apps', 'Personal')).every((n) => n.contextValue === 'heroku.app'), 'couplings unreadable: no Promote, no error');
  });

  it('a refresh aborts the reads of the one before, and the superseded load starts again with fresh answers', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const hanging = (signal?: AbortSignal): Promise<Res> => new Promise((resolve) => {
      signals.push(signal as AbortSignal);
      signal?.addEventListener('abort', () => resolve({ ok: false, error: { id: 'cancelled', message: 'The request was cancelled.', status: 0, method: 'GET', path: '/apps' } }));
    });
    const m = tree(api({ listApps: (signal) => (++calls === 1 ? hanging(signal) : ok([app('fresh')])) }), async () => []);
    const all = (await m.children()).find((n) => n.kind === 'allApps');
    const first = m.children(all);
    await waitUntil('the first read to start', () => signals.length > 0, { everyMs: 1 });
    assert.equal(signals.length, 1);
    m.state.invalidate();
    assert.equal(signals[0].aborted, true, 'the older read was aborted');
    assert.deepEqual((await first).map((n) => n.label), ['Personal'], 'no "cancelled" node: the load ran again');
    assert.deepEqual((await path(m, 'All apps', 'Personal')).map((n) => n.label), ['fresh']);
    assert.equal(calls, 2);
  });

  it('dispose aborts every read in flight and later loads return nothing', async () => {
    let seen: AbortSignal | undefined;
    const m = tree(api({
      dynos: (_app, signal) => new Promise((resolve) => {
        seen = signal;
        signal?.addEventListener('abort', () => resolve({ ok: false, error: { id: 'cancelled', message: 'cancelled', status: 0, method: 'GET', path: '' } }));
      }),
    }), async () => []);
    const section = { id: 'x/app:alpha/dynos', kind: 'section', label: 'Dynos', app: 'alpha', section: 'dynos', contextValue: 'heroku.section.dynos', collapsible: 'collapsed' } as const;
    const pending = m.children(section);
    await waitUntil('the read to start', () => seen !== undefined, { everyMs: 1 });
    m.dispose();
    m.state.dispose();
    assert.equal(seen?.aborted, true);
    assert.deepEqual(await pending, []);
    assert.deepEqual(await m.children(section), []);
  });

  it('reads the account once per session, again after a new sign-in (store reset) or a failed read', async () => {
    let reads = 0;
    let failNext = true;
    const m = tree(api({ account: () => { reads++; if (failNext) { failNext = false; return fail('network', 'offline', 0); } return ok({ id: 'me', email: 'me@example.com' }); } }), async () => []);
    assert.deepEqual((await path(m, 'All apps')).map((n) => n.label), ['Personal', 'acme'], 'account unknown: team-less apps are personal');
    m.state.invalidate();
    assert.deepEqual((await path(m, 'All apps')).map((n) => n.label), ['Personal', 'acme', 'Shared with you']);
    m.state.invalidate();
    await path(m, 'All apps');
    assert.equal(reads, 2);
    m.state.reset();
    await path(m, 'All apps');
    assert.equal(reads, 3);
  });
});
