// `heroku-workflows lint` on app.json and heroku.yml: text, JSON and SARIF output, exit codes, 1-based positions,
// and the same cross-file checks as the editor (Procfile, Dockerfiles in sub-folders, app.json's stack).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';
import type { JsonProblem } from '../../../src/cli/lint/format';

const cli = (cwd: string, ...argv: string[]) => runCli(['lint', ...argv], { cwd });

const APP_JSON = `{
  "name": "cli-demo",
  "formation": {
    "web": { "quantity": 1 },
    "wrker": { "quantity": 1 }
  },
  "env": { "A": { "generator": "uuid" } }
}
`;
const HEROKU_YML = `build:
  docker:
    web: Dockerfile
    worker: worker/Dockerfile
`;

/** 1-based line and column of the first `needle` in `text`. */
function where(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('cli: lint app.json and heroku.yml', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hw-lint-manifest-'));
    for (const d of ['web', 'docker', 'wechat']) mkdirSync(join(root, d));
    writeFileSync(join(root, 'web', 'app.json'), APP_JSON);
    writeFileSync(join(root, 'web', 'Procfile'), 'web: npm start\n');
    writeFileSync(join(root, 'docker', 'heroku.yml'), HEROKU_YML);
    writeFileSync(join(root, 'docker', 'Dockerfile'), 'FROM node:22\n');
    writeFileSync(join(root, 'wechat', 'app.json'), '{"pages": ["index"], "window": {}, "logo": 1,}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('json: app.json problems with 1-based positions, exclusive end columns and codes', async () => {
    const r = await cli(root, '--format', 'json', 'web');
    assert.equal(r.code, 1, 'env-generator is an error');
    const out = JSON.parse(r.stdout) as JsonProblem[];
    const wrker = where(APP_JSON, '"wrker"');
    const uuid = where(APP_JSON, '"uuid"');
    assert.deepEqual(out.map(({ message: _m, ...rest }) => rest), [
      { file: 'web/app.json', ...wrker, endLine: wrker.line, endColumn: wrker.column + 7, severity: 'warning', code: 'appjson/formation-not-in-procfile' },
      { file: 'web/app.json', ...uuid, endLine: uuid.line, endColumn: uuid.column + 6, severity: 'error', code: 'appjson/env-generator' },
    ]);
    assert.deepEqual([wrker, uuid], [{ line: 5, column: 5 }, { line: 7, column: 32 }]);
    assert.match(out[0].message, /Procfile \(it has web\)/);
  });

  it('text: path:line:col lines and the summary; exit 0 with warnings only', async () => {
    writeFileSync(join(root, 'web', 'app.json'), APP_JSON.replace('"uuid"', '"secret"'));
    const r = await cli(root, 'web');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^web\/app\.json:5:5: warning appjson\/formation-not-in-procfile: Process type "wrker"/m);
    assert.match(r.stdout, /0 errors, 1 warning, 0 info in 2 files\n$/);
  });

  it('reports a Dockerfile missing in a sub-folder, as the editor does, and not once it exists', async () => {
    const r = await cli(root, '--format', 'json', 'docker/heroku.yml');
    assert.equal(r.code, 1);
    const missing = where(HEROKU_YML, 'worker/Dockerfile');
    assert.deepEqual((JSON.parse(r.stdout) as JsonProblem[]).map((p) => [p.code, p.line, p.column, p.endColumn]),
      [['herokuyml/missing-dockerfile', missing.line, missing.column, missing.column + 'worker/Dockerfile'.length]]);
    assert.deepEqual(missing, { line: 4, column: 13 });
    mkdirSync(join(root, 'docker', 'worker'));
    writeFileSync(join(root, 'docker', 'worker', 'Dockerfile'), 'FROM node:22\n');
    const ok = await cli(root, '--format', 'json', 'docker');
    assert.equal(ok.code, 0);
    assert.deepEqual(JSON.parse(ok.stdout), []);
  });

  it('a folder named like the Dockerfile is not a Dockerfile, and paths leaving the folder are errors', async () => {
    mkdirSync(join(root, 'docker', 'worker', 'Dockerfile'), { recursive: true });
    writeFileSync(join(root, 'docker', 'heroku.yml'), `${HEROKU_YML}    up: ../Dockerfile\n`);
    const r = await cli(root, '--format', 'json', 'docker');
    assert.deepEqual((JSON.parse(r.stdout) as JsonProblem[]).map((p) => p.code), ['herokuyml/missing-dockerfile', 'herokuyml/dockerfile-outside-repo']);
  });

  it('checks heroku.yml against app.json\'s stack and app.json\'s formation against heroku.yml', async () => {
    mkdirSync(join(root, 'docker', 'worker'));
    writeFileSync(join(root, 'docker', 'worker', 'Dockerfile'), 'FROM node:22\n');
    writeFileSync(join(root, 'docker', 'app.json'), '{\n  "stack": "heroku-24",\n  "formation": {"clock": {}}\n}\n');
    const r = await cli(root, '--format', 'json', 'docker');
    const got = (JSON.parse(r.stdout) as JsonProblem[]).map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`);
    // No Procfile and not the container stack: the formation cannot be checked; heroku.yml would be ignored.
    assert.deepEqual(got, ['docker/heroku.yml:1:1 herokuyml/stack-not-container']);
    writeFileSync(join(root, 'docker', 'app.json'), '{\n  "stack": "container",\n  "formation": {"clock": {}}\n}\n');
    const c = await cli(root, '--format', 'json', 'docker');
    assert.deepEqual((JSON.parse(c.stdout) as JsonProblem[]).map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`),
      ['docker/app.json:3:17 appjson/formation-not-in-procfile']);
    assert.match((JSON.parse(c.stdout) as JsonProblem[])[0].message, /heroku\.yml \(it has web, worker\)/);
  });

  it('sarif: app.json and heroku.yml rules in the catalogue, results with levels and 1-based regions', async () => {
    const r = await cli(root, '--format', 'sarif', 'web', 'docker');
    assert.equal(r.code, 1);
    type Result = { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] };
    const s = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: Result[] }[] };
    const { rules } = s.runs[0].tool.driver;
    for (const code of ['appjson/duplicate-key', 'appjson/env-generator', 'herokuyml/missing-dockerfile', 'herokuyml/stack-not-container']) {
      assert.ok(rules.some((x) => x.id === code), `${code} in the rule list`);
    }
    const results = s.runs[0].results.map((x) => ({
      ruleId: x.ruleId, level: x.level, uri: x.locations[0].physicalLocation.artifactLocation.uri, region: x.locations[0].physicalLocation.region,
      indexed: rules[x.ruleIndex].id,
    }));
    assert.deepEqual(results, [
      { ruleId: 'appjson/formation-not-in-procfile', level: 'warning', uri: 'web/app.json', region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 12 }, indexed: 'appjson/formation-not-in-procfile' },
      { ruleId: 'appjson/env-generator', level: 'error', uri: 'web/app.json', region: { startLine: 7, startColumn: 32, endLine: 7, endColumn: 38 }, indexed: 'appjson/env-generator' },
      { ruleId: 'herokuyml/missing-dockerfile', level: 'error', uri: 'docker/heroku.yml', region: { startLine: 4, startColumn: 13, endLine: 4, endColumn: 30 }, indexed: 'herokuyml/missing-dockerfile' },
    ]);
  });

  it('leaves a WeChat app.json alone, syntax errors and all', async () => {
    const r = await cli(root, '--format', 'json', 'wechat');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  it('--rule turns an app.json or heroku.yml rule off or down, and the exit code follows', async () => {
    const r = await cli(root, '--format', 'json', '--rule', 'appjson/env-generator=warning', '--rule', 'herokuyml/missing-dockerfile=off', 'web', 'docker');
    assert.equal(r.code, 0);
    assert.deepEqual((JSON.parse(r.stdout) as JsonProblem[]).map((p) => `${p.code} ${p.severity}`),
      ['appjson/formation-not-in-procfile warning', 'appjson/env-generator warning']);
  });
});
