import assert from 'node:assert/strict';
import { startFakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { call } from './client';
import { deploy, openStream, tarball, upload, type BuildBody } from './deploy-helpers';

type Release = { id: string; version: number; description: string; status: string; current: boolean; output_stream_url: string | null };
const NODE_APP = {
  'package.json': JSON.stringify({ name: 'shop', version: '1.4.0', scripts: { start: 'node server.js', build: 'tsc' }, engines: { node: '22.x' }, dependencies: { express: '^5' } }),
  'server.js': 'require("express")().listen(process.env.PORT)',
};

describe('fake Heroku: sources and builds', () => {
  let now = Date.now();
  const heroku = useFakeHeroku({ clock: () => now });
  beforeEach(() => {
    heroku.fake.state.buildStepMs = 1000;
    heroku.fake.state.releasePhaseStepMs = 1000;
  });
  const later = (ms = 3_600_000): void => { now += ms; };
  const build = async (app: string, id: string): Promise<BuildBody> => (await call(heroku, 'GET', `/apps/${app}/builds/${id}`)).body as BuildBody;
  const release = async (app: string, id: string): Promise<Release> => (await call(heroku, 'GET', `/apps/${app}/releases/${id}`)).body as Release;
  const outputOf = async (b: BuildBody): Promise<string> => (await fetch(b.output_stream_url)).text();

  it('hands out presigned-style blob URLs: PUT stores the bytes, GET returns them, a wrong signature is 403', async () => {
    const data = tarball({ 'index.php': '<?php echo 1;' });
    const url = await upload(heroku, 'dana-blog', data);
    assert.match(url, new RegExp(`^${heroku.url}/__blobs/[0-9a-f-]{36}\\?sig=[\\w-]+$`));
    const got = await fetch(url);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), data);
    assert.equal((await fetch(url.replace(/sig=.*/, 'sig=forged'))).status, 403);
    const bare = (await call(heroku, 'POST', '/sources')).body as { source_blob: { get_url: string } };
    assert.equal((await fetch(bare.source_blob.get_url)).status, 404, 'nothing uploaded yet');
    assert.equal((await call(heroku, 'POST', '/apps/no-such-app/sources')).status, 404);
  });

  it('builds a Node.js app step by step: pending with output so far, then a slug with the commit and a "Deploy" release', async () => {
    const b = await deploy(heroku, 'acme-web-dev', { ...NODE_APP, Procfile: 'web: npm start\nworker: node worker.js\n' });
    assert.equal(b.status, 'pending');
    assert.deepEqual([b.release, b.slug], [null, null]);
    const stream = await openStream(b.output_stream_url);
    assert.match(await stream.until(/Heroku-24 stack\n/), /^-----> Building on the Heroku-24 stack\n$/);
    assert.equal((await build('acme-web-dev', b.id)).status, 'pending');
    later();
    const out = await stream.rest();
    for (const line of ['-----> Node.js app detected', '       engines.node (package.json):  22.x', '       > tsc', '-----> Build succeeded!',
      '       Procfile declares types     -> web, worker', '-----> Launching...', '       Released v10']) {
      assert.ok(out.split('\n').includes(line), `${line} missing from\n${out}`);
    }
    const done = await build('acme-web-dev', b.id);
    assert.equal(done.status, 'succeeded');
    const rel = await release('acme-web-dev', done.release!.id);
    assert.deepEqual([rel.version, rel.description, rel.status, rel.current], [10, 'Deploy c0ffee12', 'succeeded', true]);
    const slug = (await call(heroku, 'GET', `/apps/acme-web-dev/slugs/${done.slug!.id}`)).body as Record<string, unknown>;
    assert.deepEqual([slug.commit, slug.commit_description, slug.process_types, slug.buildpack_provided_description],
      ['c0ffee1234567890abcdef1234567890abcdef12', 'Add invoice export', { web: 'npm start', worker: 'node worker.js' }, 'Node.js']);
    const formation = (await call(heroku, 'GET', '/apps/acme-web-dev/formation')).body as { type: string; quantity: number; command: string }[];
    assert.deepEqual(formation.map((f) => [f.type, f.quantity, f.command]).sort(), [['web', 1, 'npm start'], ['worker', 0, 'node worker.js']]);
    const list = (await call(heroku, 'GET', '/apps/acme-web-dev/builds')).body as { id: string }[];
    assert.ok(list.length > 2 && list.some((x) => x.id === b.id), 'seeded builds and the new one');
  });

  it('fails a source nothing can detect with the buildpack message, and makes no release', async () => {
    heroku.fake.state.app('dana-scratch').buildpacks = [];
    const b = await deploy(heroku, 'dana-scratch', { 'README.md': '# notes' });
    later();
    const out = await outputOf(b);
    assert.match(out, /-----> Determining which buildpack to use for this app\n ! {5}No default language could be detected for this app\.\n/);
    const done = await build('dana-scratch', b.id);
    assert.deepEqual([done.status, done.release], ['failed', null]);
    assert.equal(((await call(heroku, 'GET', '/apps/dana-scratch/releases')).body as Release[]).length, 2);
  });

  it('detects Python, Ruby, Go and PHP apps; a Procfile alone builds too', async () => {
    heroku.fake.state.app('dana-scratch').buildpacks = [];
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'requirements.txt': 'django==5.1\ngunicorn\n', Procfile: 'web: gunicorn app.wsgi' }, /-----> Python app detected/],
      [{ Gemfile: 'source "https://rubygems.org"', 'config.ru': 'run App' }, /-----> Ruby app detected/],
      [{ 'go.mod': 'module github.com/acme/api\n\ngo 1.23\n' }, /-----> Go app detected[\s\S]*Default types for buildpack -> web/],
      [{ 'composer.json': '{}' }, /-----> PHP app detected/],
      [{ Procfile: 'web: ./bin/server' }, /Procfile declares types {5}-> web/],
    ];
    for (const [files, re] of cases) {
      const b = await deploy(heroku, 'dana-scratch', files);
      later();
      assert.match(await outputOf(b), re);
      assert.equal((await build('dana-scratch', b.id)).status, 'succeeded');
    }
  });

  it('fails when the app\'s buildpack does not fit, the blob is not the fake\'s, or the checksum differs', async () => {
    const wrongPack = await deploy(heroku, 'acme-web-dev', { 'requirements.txt': 'flask' });
    const foreign = (await call(heroku, 'POST', '/apps/acme-web-dev/builds', { body: { source_blob: { url: 'https://example.com/src.tgz' } } })).body as BuildBody;
    const sum = await deploy(heroku, 'acme-web-dev', NODE_APP, { checksum: 'SHA256:0000' });
    later();
    assert.match(await outputOf(wrongPack), /App not compatible with buildpack: heroku\/nodejs/);
    assert.match(await outputOf(foreign), /Unable to fetch source from https:\/\/example\.com\/src\.tgz: the fake Heroku only fetches its own source blobs/);
    assert.match(await outputOf(sum), /does not match the expected SHA256:0000/);
    for (const b of [wrongPack, foreign, sum]) assert.equal((await build('acme-web-dev', b.id)).status, 'failed');
    assert.equal((await call(heroku, 'POST', '/apps/acme-web-dev/builds', { body: { source_blob: {} } })).status, 422);
    assert.equal((await call(heroku, 'POST', '/apps/acme-web-production/builds', { body: { source_blob: { url: 'x' } } })).status, 403, 'two-factor');
  });

  it('builds a heroku.yml app on the container stack: images, no slug, a release', async () => {
    const b = await deploy(heroku, 'acme-api', {
      'heroku.yml': 'build:\n  docker:\n    web: Dockerfile\nrun:\n  worker: node worker.js\n',
      Dockerfile: 'FROM node:22-slim\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
    });
    later();
    const out = await outputOf(b);
    assert.match(out, /=== Building web \(Dockerfile\)\nSending build context[\s\S]*Step 3\/4 : RUN npm ci/);
    const done = await build('acme-api', b.id);
    assert.deepEqual([done.status, done.slug], ['succeeded', null]);
    assert.equal((await release('acme-api', done.release!.id)).description, 'Deploy c0ffee12');
    const missing = await deploy(heroku, 'acme-api', NODE_APP);
    later();
    assert.match(await outputOf(missing), /No heroku\.yml/);
  });

  it('runs the release phase: the release is pending, its output 404 until it starts, then it grows; only success is current', async () => {
    const b = await deploy(heroku, 'acme-web-dev', { ...NODE_APP, Procfile: 'web: npm start\nrelease: npm run migrate\n' });
    let done = await build('acme-web-dev', b.id);
    while (done.status === 'pending') {
      now += 1000;
      done = await build('acme-web-dev', b.id);
    }
    assert.equal(done.status, 'succeeded');
    const rel = await release('acme-web-dev', done.release!.id);
    assert.deepEqual([rel.status, rel.current], ['pending', false]);
    assert.ok(rel.output_stream_url);
    const early = await fetch(rel.output_stream_url);
    assert.equal(early.status, 404);
    await early.text();
    now += 11_000; // the phase starts 8 steps after the build's own steps end
    assert.match(await outputOf(done), /Release command declared: this new release will not be available until the command succeeds\./);
    const stream = await openStream(rel.output_stream_url);
    assert.equal(stream.status, 200);
    await stream.until(/\$ npm run migrate\n/);
    assert.equal((await release('acme-web-dev', rel.id)).status, 'pending');
    later();
    assert.match(await stream.rest(), /Release command completed successfully\n$/);
    const after = await release('acme-web-dev', rel.id);
    assert.deepEqual([after.status, after.current], ['succeeded', true]);

    const bad = await deploy(heroku, 'acme-web-dev', { ...NODE_APP, Procfile: 'web: npm start\nrelease: ./bin/migrate && exit 1\n' });
    later();
    const badRel = await release('acme-web-dev', (await build('acme-web-dev', bad.id)).release!.id);
    later();
    const failed = await release('acme-web-dev', badRel.id);
    assert.deepEqual([failed.status, failed.current], ['failed', false]);
    assert.match(await (await fetch(failed.output_stream_url!)).text(), /Release command exited with status 1/);
    heroku.fake.state.releasePhaseFailures = ['acme-web-dev'];
    const knob = await deploy(heroku, 'acme-web-dev', { ...NODE_APP, Procfile: 'web: npm start\nrelease: npm run migrate\n' });
    later();
    const knobRel = (await build('acme-web-dev', knob.id)).release!.id;
    later();
    assert.equal((await release('acme-web-dev', knobRel)).status, 'failed');
    const current = ((await call(heroku, 'GET', '/apps/acme-web-dev/releases')).body as Release[]).filter((r) => r.current);
    assert.deepEqual(current.map((r) => r.id), [rel.id], 'the last succeeded release stays current');
  });

  it('takes faults like any route: a 503 on create, a build stream cut after some bytes', async () => {
    heroku.fake.faults.add({ method: 'POST', path: '/apps/*/builds', status: 503, times: 1 });
    assert.equal((await call(heroku, 'POST', '/apps/acme-web-dev/builds', { body: { source_blob: { url: 'x' } } })).status, 503);
    const b = await deploy(heroku, 'acme-web-dev', NODE_APP);
    later();
    heroku.fake.faults.add({ path: '/__output/builds/*', drop: true, afterBytes: 12, times: 1 });
    const cut = await (await fetch(b.output_stream_url)).text().catch((e: Error) => e);
    assert.ok(cut instanceof Error, 'the body fails because the socket was destroyed');
    assert.match(await (await fetch(b.output_stream_url)).text(), /Launching/, 'the next read is whole');
  });

  it('close() ends a build stream that is still open', async () => {
    const other = await startFakeHeroku({ clock: () => now });
    try {
      const b = await deploy(other, 'acme-web-dev', NODE_APP);
      const stream = await openStream(b.output_stream_url);
      await stream.until(/stack\n/);
      await other.close();
      assert.equal(await stream.rest(), '-----> Building on the Heroku-24 stack\n');
    } finally {
      await other.close();
    }
  });
});
