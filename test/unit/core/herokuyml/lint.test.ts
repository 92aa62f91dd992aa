import * as assert from 'node:assert/strict';
import { lintHerokuYml } from '../../../../src/core/herokuyml/lint';
import type { Problem } from '../../../../src/core/lint/types';

function lint(text: string, opts: { files?: string[]; siblings?: Record<string, string> } = {}): Problem[] {
  const files = opts.files ?? ['Dockerfile'];
  return lintHerokuYml({ text, readSibling: (n) => opts.siblings?.[n], fileExists: (p) => files.includes(p) });
}
const codes = (ps: Problem[]) => ps.map((p) => p.code);
const covered = (text: string, p: Problem) => text.split('\n')[p.range.start.line].slice(p.range.start.character, p.range.end.character);

const GOOD = `setup:
  addons:
    - plan: heroku-postgresql
      as: DATABASE
  config:
    S3_BUCKET: my-bucket
build:
  docker:
    web: Dockerfile
    worker:
      dockerfile: worker/Dockerfile
      target: production
  config:
    RAILS_ENV: production
release:
  image: worker
  command:
    - ./deployment-tasks.sh
run:
  web: bundle exec puma -C config/puma.rb
  worker:
    command:
      - python myworker.py
    image: worker
  asset-syncer:
    command:
      - python asset-syncer.py
    image: web
`;

describe('herokuyml: lint', () => {
  it('accepts the full documented form', () => {
    assert.deepEqual(lint(GOOD, { files: ['Dockerfile', 'worker/Dockerfile'] }), []);
  });

  it('reports YAML syntax errors with positions', () => {
    const ps = lint('build:\n  docker:\n    web: Dockerfile\n   bad: [\n');
    assert.ok(ps.length > 0 && ps.every((p) => p.code === 'herokuyml/syntax' && p.severity === 'error'));
  });

  it('reports duplicate keys as syntax errors', () => {
    assert.deepEqual(codes(lint('run:\n  web: a\n  web: b\n')), ['herokuyml/syntax']);
  });

  it('warns on unknown keys, on the key', () => {
    const text = 'build:\n  docker:\n    web: Dockerfile\n  dockerfile: x\nrunn:\n  web: x\n';
    const ps = lint(text);
    assert.deepEqual(codes(ps).sort(), ['herokuyml/unknown-key', 'herokuyml/unknown-key']);
    assert.deepEqual(ps.map((p) => covered(text, p)).sort(), ['dockerfile', 'runn']);
  });

  it('reports wrong types on the value', () => {
    const text = 'build:\n  docker:\n    web: [Dockerfile]\n';
    const [p] = lint(text);
    assert.equal(p.code, 'herokuyml/schema');
    assert.match(p.message, /build\.docker\.web must be a string or a mapping/);
  });

  it('reports a Dockerfile that does not exist, on the path', () => {
    const text = 'build:\n  docker:\n    web: Dockerfile\n    worker:\n      dockerfile: worker/Dockerfile\n';
    const ps = lint(text);
    assert.deepEqual(codes(ps), ['herokuyml/missing-dockerfile']);
    assert.equal(covered(text, ps[0]), 'worker/Dockerfile');
  });

  it('rejects a Dockerfile outside the repository', () => {
    assert.deepEqual(codes(lint('build:\n  docker:\n    web: ../Dockerfile\n')), ['herokuyml/dockerfile-outside-repo']);
  });

  it('accepts ./Dockerfile', () => {
    assert.deepEqual(lint('build:\n  docker:\n    web: ./Dockerfile\n'), []);
  });

  it('rejects images that name a process type that is not built', () => {
    const text = 'build:\n  docker:\n    web: Dockerfile\nrelease:\n  image: wbe\n  command: [x]\n';
    const [p] = lint(text);
    assert.equal(p.code, 'herokuyml/unknown-image');
    assert.equal(covered(text, p), 'wbe');
  });

  it('warns on a run process with no image of its own and none named', () => {
    assert.deepEqual(codes(lint('build:\n  docker:\n    web: Dockerfile\nrun:\n  web: a\n  clock: b\n')), ['herokuyml/run-without-image']);
    assert.deepEqual(codes(lint('build:\n  docker:\n    web: Dockerfile\nrun:\n  clock:\n    command: b\n    image: web\n')), []);
  });

  it('warns that run replaces the Procfile, naming what will not run', () => {
    const text = 'build:\n  docker:\n    web: Dockerfile\nrun:\n  web: a\n';
    const [p] = lint(text, { siblings: { Procfile: 'web: a\nworker: b\n' } });
    assert.equal(p.code, 'herokuyml/run-overrides-procfile');
    assert.equal(covered(text, p), 'run');
    assert.match(p.message, /worker/);
    assert.deepEqual(lint('build:\n  docker:\n    web: Dockerfile\n', { siblings: { Procfile: 'web: a\n' } }), []);
    const withRelease = 'build:\n  docker:\n    web: Dockerfile\nrun:\n  web: a\nrelease:\n  image: web\n  command: [m]\n';
    const [q] = lint(withRelease, { siblings: { Procfile: 'web: a\nrelease: m\n' } });
    assert.equal(q.message, 'heroku.yml has a run section, so Heroku ignores the Procfile.');
  });

  it('warns when app.json does not set the container stack', () => {
    const yml = 'build:\n  docker:\n    web: Dockerfile\n';
    const [p] = lint(yml, { siblings: { 'app.json': '{"stack": "heroku-24"}' } });
    assert.equal(p.code, 'herokuyml/stack-not-container');
    assert.equal(covered(yml, p), 'build');
    assert.deepEqual(codes(lint(yml, { siblings: { 'app.json': '{"name": "x"}' } })), ['herokuyml/stack-not-container']);
    assert.deepEqual(lint(yml, { siblings: { 'app.json': '{"stack": "Container"}' } }), []);
    assert.deepEqual(lint(yml, { siblings: { 'app.json': '{"pages": ["a"]}' } }), []);
  });

  it('warns on an empty file', () => {
    assert.deepEqual(codes(lint('# nothing\n')), ['herokuyml/empty']);
  });
});
