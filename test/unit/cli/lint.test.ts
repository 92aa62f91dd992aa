import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';

const cli = (cwd: string, ...argv: string[]) => runCli(['lint', ...argv], { cwd });

describe('cli: heroku-workflows lint', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hw-lint-'));
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'clean'));
    mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(root, 'app', 'Procfile'), 'web: rails s -p 3000\nworker: sidekiq\n');
    writeFileSync(join(root, 'clean', 'Procfile'), 'web: npm start\n');
    writeFileSync(join(root, 'clean', 'procfile.rb'), 'class Procfile; end\n');
    writeFileSync(join(root, 'node_modules', 'dep', 'Procfile'), 'broken line\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('text: finds Procfiles in folders (skipping node_modules), prints path:line:col, exits 1 on errors', async () => {
    const r = await cli(root);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^app\/Procfile:1:17: error procfile\/fixed-port: /m);
    assert.doesNotMatch(r.stdout, /node_modules|procfile\.rb/);
    assert.match(r.stdout, /1 error, 0 warnings, 0 info in 2 files\n$/);
  });

  it('exits 0 when there is no error', async () => {
    const r = await cli(root, 'clean');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '0 errors, 0 warnings, 0 info in 1 file\n');
  });

  it('json: 1-based positions with an exclusive end column', async () => {
    const r = await cli(root, '--format', 'json', 'app/Procfile');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as unknown[];
    assert.deepEqual(out, [{
      file: 'app/Procfile', line: 1, column: 17, endLine: 1, endColumn: 21, severity: 'error', code: 'procfile/fixed-port',
      message: (out[0] as { message: string }).message,
    }]);
    assert.match((out[0] as { message: string }).message, /\$PORT/);
  });

  it('--rule changes a severity or turns a rule off (and changes the exit code)', async () => {
    const warn = await cli(root, '--format=json', '--rule', 'procfile/fixed-port=warning', 'app');
    assert.equal(warn.code, 0);
    assert.equal((JSON.parse(warn.stdout) as { severity: string }[])[0].severity, 'warning');
    const off = await cli(root, '--rule=procfile/fixed-port=off', '--format', 'json', 'app');
    assert.deepEqual(JSON.parse(off.stdout), []);
    // The same spellings as the heroku.lint.rules setting.
    const alias = await cli(root, '--format=json', '--rule', 'procfile/fixed-port=WARN', 'app');
    assert.equal(alias.code, 0);
    assert.equal((JSON.parse(alias.stdout) as { severity: string }[])[0].severity, 'warning');
  });

  it('sarif: 2.1.0 with rules (ids, help) and results with regions', async () => {
    const r = await cli(root, '--format', 'sarif', 'app');
    assert.equal(r.code, 1);
    const s = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
    };
    assert.equal(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.equal(run0.tool.driver.name, 'heroku-workflows');
    assert.ok(run0.tool.driver.rules.length >= 15);
    const res = run0.results[0];
    assert.equal(res.ruleId, 'procfile/fixed-port');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'procfile/fixed-port');
    assert.ok(run0.tool.driver.rules[res.ruleIndex].help.text.length > 20);
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'app/Procfile');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 1, startColumn: 17, endLine: 1, endColumn: 21 });
  });

  it('usage errors exit 2 with a message on stderr', async () => {
    for (const argv of [['--format', 'xml'], ['--rule', 'nonsense'], ['--bogus'], ['does-not-exist'], ['clean/procfile.rb']]) {
      const r = await cli(root, ...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /heroku-workflows lint: /);
    }
  });

  it('--help prints usage and exits 0; the top-level help lists lint', async () => {
    const r = await cli(root, '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--format text\|json\|sarif/);
    const top = (await runCli(['--help'], { cwd: root })).stdout;
    assert.match(top, /^ {2}lint /m);
  });

  it('a mis-cased procfile is found and gets the rename error', async () => {
    writeFileSync(join(root, 'clean', 'procfile'), 'web: npm start\n');
    rmSync(join(root, 'clean', 'Procfile'));
    const r = await cli(root, '--format', 'json', 'clean');
    assert.deepEqual((JSON.parse(r.stdout) as { code: string }[]).map((p) => p.code), ['procfile/misnamed-file']);
  });
});
