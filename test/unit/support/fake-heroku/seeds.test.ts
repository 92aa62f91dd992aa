import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { XSS_PAYLOADS } from '../../../support/fake-heroku/seed-xss';
import { call } from './client';
import { openStream } from './deploy-helpers';

type ReviewApp = { id: string; app: { id: string } | null; status: string; branch: string; pr_number: number | null; message: string | null };
type TestRun = { id: string; number: number; status: string; commit_branch: string; commit_message: string; actor_email: string };
type TestNode = { setup_stream_url: string; output_stream_url: string; exit_code: number | null };
type Release = { id: string; version: number; description: string; status: string; current: boolean; output_stream_url: string | null; slug: { id: string } | null };
const ALL = { Range: 'id ..; max=1000' };

describe('fake Heroku: seeds', () => {
  const heroku = useFakeHeroku({ resetEach: false });

  describe('demo', () => {
    before(() => heroku.fake.reset({ seed: 'demo', apps: 0 }));
    const runs = async (): Promise<TestRun[]> => (await call(heroku, 'GET', '/pipelines/acme-web/test-runs')).body as TestRun[];
    const nodeOf = async (run: TestRun): Promise<TestNode> => ((await call(heroku, 'GET', `/test-runs/${run.id}/test-nodes`)).body as TestNode[])[0];

    it('keeps the demo apps and gives pipeline acme-web review apps: created, one being created, one errored', async () => {
      const names = ((await call(heroku, 'GET', '/apps')).body as { name: string }[]).map((a) => a.name);
      for (const n of ['acme-web-production', 'acme-web-staging', 'acme-web-dev', 'acme-web-pr-128', 'acme-api', 'acme-ledger', 'dana-blog', 'dana-scratch']) assert.ok(names.includes(n), n);
      const ras = (await call(heroku, 'GET', '/pipelines/acme-web/review-apps')).body as ReviewApp[];
      assert.deepEqual(ras.map((r) => [r.pr_number, r.status]).sort(), [[128, 'created'], [131, 'created'], [134, 'created'], [137, 'creating'], [139, 'errored']]);
      assert.equal(ras.find((r) => r.pr_number === 128)?.branch, 'feature/invoice-export');
      assert.match(ras.find((r) => r.pr_number === 139)?.message ?? '', /No default language/);
      const stages = ((await call(heroku, 'GET', '/pipelines/acme-web/pipeline-couplings')).body as { stage: string }[]).map((c) => c.stage);
      assert.deepEqual([...new Set(stages)].sort(), ['development', 'production', 'review', 'staging']);
    });

    it('has five Heroku CI runs: succeeded ones, a failed one with failing test output, a running one whose output grows', async () => {
      const all = await runs();
      assert.deepEqual(all.map((r) => [r.number, r.status]), [[101, 'succeeded'], [102, 'succeeded'], [103, 'failed'], [104, 'succeeded'], [105, 'running']]);
      const failed = await nodeOf(all[2]);
      assert.equal(failed.exit_code, 1);
      assert.match(await (await fetch(failed.output_stream_url)).text(), /1\) refunds a partial order[\s\S]*4250 !== 4200[\s\S]*Tests failed/);
      const running = await nodeOf(all[4]);
      assert.match(await (await fetch(running.setup_stream_url)).text(), /Test setup completed\n$/);
      const out = await openStream(running.output_stream_url);
      const sofar = await out.until(/✔/);
      assert.doesNotMatch(sofar, /Tests passed/);
    });

    it('has a review app whose latest release failed in its release phase, and slugs that carry commits', async () => {
      const rels = (await call(heroku, 'GET', '/apps/acme-web-pr-134/releases', { headers: { Range: 'version ..' } })).body as Release[];
      const latest = rels[rels.length - 1];
      assert.deepEqual([latest.version, latest.status, latest.current], [4, 'failed', false]);
      assert.match(await (await fetch(latest.output_stream_url!)).text(), /Release command exited with status 1/);
      assert.equal(rels.find((r) => r.current)?.version, 3);
      for (const app of ['acme-web-dev', 'acme-web-staging', 'acme-web-production']) {
        const deploy = ((await call(heroku, 'GET', `/apps/${app}/releases`, { headers: { Range: 'version ..; order=desc' } })).body as Release[]).find((r) => r.description.startsWith('Deploy '))!;
        const slug = (await call(heroku, 'GET', `/apps/${app}/slugs/${deploy.slug!.id}`)).body as { commit: string; commit_description: string };
        assert.ok(deploy.description.endsWith(slug.commit.slice(0, 7)) && slug.commit_description.length > 0, app);
      }
    });
  });

  describe('xss', () => {
    before(() => heroku.control.reset({ seed: 'xss' }));
    after(() => heroku.fake.reset({ seed: 'demo' }));

    it('keeps names valid and puts every payload in descriptions, commits, branches, emails and CI output (all schema-valid)', async () => {
      const apps = (await call(heroku, 'GET', '/apps')).body as { name: string; owner: { email: string } }[];
      assert.ok(apps.length >= 4 && apps.every((a) => /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/.test(a.name)));
      // Per field kind, the payloads as they read in the text (JSON bodies escape `"`, so compare escaped forms).
      const texts: Record<string, string> = {};
      const grab = async (what: string, path: string): Promise<unknown> => {
        const r = await call(heroku, 'GET', path, { headers: ALL });
        texts[what] = (texts[what] ?? '') + r.text;
        return r.body;
      };
      await grab('account email', '/account');
      for (const a of apps) {
        const rels = (await grab('release descriptions', `/apps/${a.name}/releases`)) as Release[];
        for (const r of rels.filter((x) => x.slug)) await grab('commit messages', `/apps/${a.name}/slugs/${r.slug!.id}`);
        await grab('config', `/apps/${a.name}/config-vars`);
      }
      await grab('branches', '/pipelines/xss-pipeline/review-apps');
      const runs = (await grab('test runs', '/pipelines/xss-pipeline/test-runs')) as TestRun[];
      for (const run of runs) {
        const [node] = (await call(heroku, 'GET', `/test-runs/${run.id}/test-nodes`)).body as TestNode[];
        texts['CI output'] = (texts['CI output'] ?? '') + await (await fetch(node.setup_stream_url)).text();
        if (run.status !== 'running') texts['CI output'] += await (await fetch(node.output_stream_url)).text();
      }
      for (const [what, text] of Object.entries(texts)) {
        const found = XSS_PAYLOADS.filter((p) => text.includes(what === 'CI output' ? p : JSON.stringify(p).slice(1, -1)));
        assert.ok(found.length >= (what === 'account email' ? 1 : 2), `${what}: only ${found.join(', ')}`);
      }
      const everything = Object.values(texts).join('');
      assert.deepEqual(XSS_PAYLOADS.filter((p) => !everything.includes(p) && !everything.includes(JSON.stringify(p).slice(1, -1))), []);
    });
  });

  describe('large-pipeline', () => {
    before(() => heroku.fake.reset({ seed: 'large-pipeline' }));
    after(() => heroku.fake.reset({ seed: 'demo' }));

    it('has four stages, 100 review apps and 20 CI runs', async () => {
      const couplings = (await call(heroku, 'GET', '/pipelines/bigco-shop/pipeline-couplings', { headers: ALL })).body as { stage: string }[];
      assert.deepEqual([...new Set(couplings.map((c) => c.stage))].sort(), ['development', 'production', 'review', 'staging']);
      const ras = (await call(heroku, 'GET', '/pipelines/bigco-shop/review-apps', { headers: ALL })).body as ReviewApp[];
      assert.equal(ras.length, 100);
      assert.ok(ras.every((r) => r.status === 'created' && r.app));
      const runs = (await call(heroku, 'GET', '/pipelines/bigco-shop/test-runs', { headers: { Range: 'number ..; max=1000' } })).body as TestRun[];
      assert.equal(runs.length, 20);
      assert.deepEqual([...new Set(runs.map((r) => r.status))].sort(), ['failed', 'running', 'succeeded']);
    });
  });
});
