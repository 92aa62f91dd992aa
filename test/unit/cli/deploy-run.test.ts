// `heroku-workflows deploy` and `heroku-workflows run` against the fake Heroku, through the CLI's dispatch.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { joinCommand, parseRunArgs } from '../../../src/cli/run-dyno/index';
import { findSsh } from '../../../src/infra/rendezvous/tunnel';
import { startCli, type CliOptions } from './helpers';
import { useFakeHeroku } from '../../support/use-fake-heroku';
import { waitUntil } from '../../support/wait';

describe('CLI: deploy and run', function () {
  this.timeout(60_000);
  const heroku = useFakeHeroku({ seed: 'demo' });
  let dir: string;
  beforeEach(() => {
    heroku.fake.state.buildStepMs = 2;
    heroku.fake.state.releasePhaseStepMs = 2;
    dir = mkdtempSync(path.join(tmpdir(), 'hw-cli-deploy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** `heroku-workflows ...argv` in the test's folder, signed in to the fake. */
  const start = (argv: string[], extra: CliOptions = {}) => startCli(argv, {
    cwd: dir, env: { HEROKU_API_KEY: heroku.apiKey, HEROKU_API_URL: heroku.url, HOME: dir, TERM: 'xterm' }, signal: new AbortController().signal, ...extra,
  });

  it('deploys a folder and exits 0; the token is never printed', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'flask\n');
    writeFileSync(path.join(dir, 'Procfile'), 'web: gunicorn app:app\n');
    const t = start(['deploy', '--app', 'dana-scratch', '.']);
    const code = await t.done;
    assert.equal(code, 0, t.stdout() + t.stderr());
    assert.match(t.stdout(), /^=== Deploying .* to dana-scratch\n--> Check Procfile, app.json and heroku.yml\n/);
    assert.match(t.stdout(), /=== Deployed v\d+\./);
    assert.ok(!(t.stdout() + t.stderr()).includes(heroku.apiKey));
  });

  it('stops on lint errors unless --force, and exits 1 on a failed build', async () => {
    writeFileSync(path.join(dir, 'Procfile'), 'web: \n');
    const t = start(['deploy', '-a', 'dana-scratch']);
    assert.equal(await t.done, 1);
    assert.match(t.stdout(), /=== Stopped: \d+ errors? above \(deploy anyway with --force\)/);
    const forced = start(['deploy', '-a', 'dana-scratch', '--force']);
    assert.equal(await forced.done, 1);
    assert.match(forced.stdout(), /=== Failed at "Build"/);
  });

  it('runs a command in a one-off dyno and exits with its status', async () => {
    const ok = start(['run', '--app', 'dana-scratch', 'echo', 'hi there'], { stdin: new PassThrough() });
    assert.equal(await ok.done, 0, ok.stderr());
    assert.match(ok.stdout(), /hi there\n/);
    assert.match(ok.stderr(), /Process exited with status 0/);
    const three = start(['run', '-a', 'dana-scratch', '--', 'sh', '-c', 'exit 3'], { stdin: new PassThrough() });
    assert.equal(await three.done, 3);
    assert.ok(!(three.stdout() + three.stderr()).includes(heroku.apiKey));
  });

  it("on a Fir app joins the dyno with the machine's ssh (through launcher) and exits with its status", async function () {
    if (!findSsh()) this.skip();
    await heroku.control.patchApp('dana-scratch', { generation: 'fir' });
    const t = start(['run', '-a', 'dana-scratch', 'echo fir-cli; exit 5'], { stdin: new PassThrough() });
    assert.equal(await t.done, 5, t.stderr());
    assert.match(t.stdout(), /fir-cli\n/);
    assert.match(t.stderr(), /Process exited with status 5/);
  });

  it('reads input from a pipe and sends Ctrl-D at its end', async () => {
    const stdin = new PassThrough();
    const t = start(['run', '-a', 'dana-scratch', 'read line; echo "got $line"'], { stdin });
    const { done } = t;
    stdin.end('piped\n');
    assert.equal(await done, 0, t.stderr());
    assert.match(t.stdout(), /got piped/);
  });

  it('puts a TTY in raw mode for the session (Ctrl-C goes to the dyno) and restores it at the end', async () => {
    const raw: boolean[] = [];
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (on: boolean) => { raw.push(on); } });
    const t = start(['run', '-a', 'dana-scratch', 'echo ready; sleep 20; echo never'], { stdin });
    const { done } = t;
    await waitUntil('the dyno to print ready', () => t.stdout().includes('ready'), { ms: 10_000, everyMs: 20 });
    stdin.write('\u0003');
    assert.equal(await done, 130, t.stderr());
    assert.deepEqual(raw, [true, false]);
    assert.doesNotMatch(t.stdout(), /never/);
    assert.match(t.stderr(), /Interrupted \(Ctrl-C\)/);
  });

  it('parses arguments as the Heroku CLI joins them', () => {
    assert.deepEqual(parseRunArgs(['-a', 'x', '-s', 'standard-2x', 'rails', 'c']), { app: 'x', size: 'standard-2x', detached: false, help: false, command: ['rails', 'c'] });
    assert.deepEqual(parseRunArgs(['--app=x', '--', '-v']), { app: 'x', size: undefined, detached: false, help: false, command: ['-v'] });
    assert.equal(joinCommand(['echo', 'a b', 'say "hi"']), 'echo "a b" "say \\"hi\\""');
    assert.equal(joinCommand(['rake db:migrate']), 'rake db:migrate');
  });
});
