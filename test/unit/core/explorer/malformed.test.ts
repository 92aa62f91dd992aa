// Answers of the right JSON but the wrong shape, served by the fake Heroku (`body` faults), through the real
// client and the explorer's model: each becomes a readable node or a skipped item, never a throw.
import assert from 'node:assert/strict';
import { mergeIntoEnv } from '../../../../src/core/env/edit';
import { envToMap, parseEnv, serializeEnv } from '../../../../src/core/env/parse';
import { explorerApiFromClient } from '../../../../src/core/explorer/client-api';
import { ExplorerModel } from '../../../../src/core/explorer/model';
import type { ExplorerNode } from '../../../../src/core/explorer/nodes';
import { formationSize, sizeChoices } from '../../../../src/core/explorer/scale';
import { checkConfig } from '../../../../src/core/explorer/shapes';
import { HerokuClient } from '../../../../src/infra/heroku/client';
import type { Formation } from '../../../../src/core/heroku/types';
import { startFakeHeroku, type FakeHeroku } from '../../../support/fake-heroku';

describe('core/explorer: malformed answers from the fake Heroku', () => {
  let fake: FakeHeroku;
  let client: HerokuClient;
  let model: ExplorerModel;
  before(async () => {
    fake = await startFakeHeroku();
    client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
  });
  after(async () => { await fake.close(); });
  beforeEach(() => {
    fake.reset();
    model = new ExplorerModel(explorerApiFromClient(() => client), async () => [{ app: 'dana-scratch', remote: 'heroku', folder: 'web' }]);
  });

  async function walk(...labels: string[]): Promise<ExplorerNode[]> {
    let nodes = await model.children();
    for (const label of labels) {
      const next = nodes.find((n) => n.label === label);
      assert.ok(next, `no ${label} among ${nodes.map((n) => n.label).join(', ')}`);
      nodes = await model.children(next);
    }
    return nodes;
  }

  it('apps whose team, region, owner or URL are not text still group and render', async () => {
    const odd = { id: 'x1', name: 'dana-scratch', team: { name: 42 }, region: { name: { nested: true } }, stack: null, space: { name: 7, shield: 'yes' },
      owner: { email: 5 }, maintenance: 'no', web_url: 12 };
    fake.faults.add({ method: 'GET', path: '/apps', body: [odd, { id: 'x2', name: 'plain', team: 'acme', region: { name: 'eu' } }, null] });
    fake.faults.add({ method: 'GET', path: '/apps/dana-scratch', body: odd });
    const groups = await walk('All apps');
    assert.deepEqual(groups.map((n) => n.label), ['Personal']);
    const apps = await walk('All apps', 'Personal');
    assert.deepEqual(apps.map((n) => n.label), ['dana-scratch', 'plain']);
    for (const n of apps) {
      assert.ok(!/\[object Object\]|undefined|\b42\b/.test(`${n.description} ${n.tooltip}`), `${n.label}: ${n.description} / ${n.tooltip}`);
      assert.equal(n.contextValue, 'heroku.app');
      assert.equal(n.ref, undefined, 'a web_url that is not text is no link');
    }
    assert.equal(apps[1].description, 'eu');
    assert.deepEqual((await walk('This workspace')).map((n) => [n.kind, n.label]), [['app', 'dana-scratch']]);
  });

  it('dynos, formation and releases with bad items: the good ones show, a formation without a size says so', async () => {
    fake.faults.add({ method: 'GET', path: '/apps/dana-blog/dynos', body: [null, { name: 'web.1' }, { name: 'web.2', type: 'web', state: 'up', size: 3 }] });
    fake.faults.add({ method: 'GET', path: '/apps/dana-blog/formation', body: [{ type: 'web', quantity: 1, command: 'npm start' }, { type: 9 }] });
    fake.faults.add({ method: 'GET', path: '/apps/dana-blog/releases', body: 'not a list' });
    assert.deepEqual((await walk('All apps', 'Personal', 'dana-blog', 'Dynos')).map((n) => n.label), ['web.2']);
    const formation = await walk('All apps', 'Personal', 'dana-blog', 'Formation');
    assert.deepEqual(formation.map((n) => [n.label, n.description]), [['web', '1 × size unknown']]);
    const releases = await walk('All apps', 'Personal', 'dana-blog', 'Releases');
    assert.deepEqual(releases.map((n) => n.kind), ['error']);
    assert.match(releases[0].label, /unexpected answer/);
  });

  it('a formation with neither dyno_size.name nor size: no current size, every size offered', async () => {
    fake.faults.add({ method: 'GET', path: '/apps/dana-blog/formation', body: [{ type: 'web', quantity: 1, dyno_size: { name: null } }] });
    const r = await client.formation('dana-blog');
    assert.ok(r.ok);
    const [web] = r.value as Formation[];
    assert.equal(formationSize(web), undefined);
    const sizes = await client.list<unknown>('/apps/dana-blog/available-dyno-sizes');
    assert.ok(sizes.ok);
    const choices = sizeChoices(formationSize(web), sizes.value);
    assert.ok(choices.includes('standard-2X') && choices.includes('eco'), choices.join(', '));
    assert.deepEqual(sizeChoices('Standard-2X', [{ name: 'standard-2X' }, { name: 'eco' }, null, { name: 3 }]), ['Standard-2X', 'eco']);
    assert.deepEqual(sizeChoices(undefined, { not: 'a list' }).slice(0, 2), ['Eco', 'Basic']);
  });

  it('pull: config values that are not text are skipped, the rest is written, the file keeps its lines', async () => {
    fake.faults.add({ method: 'GET', path: '/apps/dana-blog/config-vars', body: { GOOD: 'yes', NUMBER: 5, NOTHING: null, NESTED: { a: 1 }, 'BAD KEY': 'x' } });
    const r = await client.configVars('dana-blog', { cache: false });
    assert.ok(r.ok);
    const checked = checkConfig(r.value);
    assert.ok(checked.ok);
    assert.deepEqual([checked.vars, checked.skipped], [{ GOOD: 'yes', 'BAD KEY': 'x' }, 3]);
    // The merge itself never throws, even when handed the raw answer.
    const doc = parseEnv('# mine\nNUMBER=local\nGOOD=old\n');
    const merged = serializeEnv(mergeIntoEnv(doc, r.value as Record<string, unknown>));
    assert.equal(merged, '# mine\nNUMBER=local\nGOOD=yes\n');
    assert.deepEqual([...envToMap(parseEnv(merged))], [['NUMBER', 'local'], ['GOOD', 'yes']]);
  });
});
