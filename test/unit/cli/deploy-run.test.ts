// `heroku-workflows deploy` and `heroku-workflows run` against the fake Heroku, through the CLI's dispatch.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../../src/cli/run';
import { joinCommand, parseRunArgs } from '../../../src/cli/run-dyno/index';
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

  function io(extra: Record<string, unknown> = {}) {
    let stdout = '';
    let stderr = '';
    return {
      io: {
        stdout: { write: (s: string) => { stdout += s; } }, stderr: { write: (s: string) => { stderr += s; } }, cwd: dir,
        env: { HEROKU_API_KEY: heroku.apiKey, HEROKU_API_URL: heroku.url, HOME: dir, TERM: 'xterm' }, signal: new AbortController().signal, ...extra,
      },
      out: () => stdout,
      err: () => stderr,
    };
  }

  it('deploys a folder and exits 0; the token is never printed', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'flask\n');
    writeFileSync(path.join(dir, 'Procfile'), 'web: gunicorn app:app\n');
    const t = io();
    const code = await run(['deploy', '--app', 'dana-scratch', '.'], t.io);
    assert.equal(code, 0, t.out() + t.err());
    assert.match(t.out(), /^=== Deploying .* to dana-scratch\n--> Check Procfile, app.json and heroku.yml\n/);
    assert.match(t.out(), /=== Deployed v\d+\./);
    assert.ok(!(t.out() + t.err()).includes(heroku.apiKey));
  });

  it('stops on lint errors unless --force, and exits 1 on a failed build', async () => {
    writeFileSync(path.join(dir, 'Procfile'), 'web: \n');
    const t = io();
    assert.equal(await run(['deploy', '-a', 'dana-scratch'], t.io), 1);
    assert.match(t.out(), /=== Stopped: \d+ errors? above \(deploy anyway with --force\)/);
    const forced = io();
    assert.equal(await run(['deploy', '-a', 'dana-scratch', '--force'], forced.io), 1);
    assert.match(forced.out(), /=== Failed at "Build"/);
  });

  it('runs a command in a one-off dyno and exits with its status', async () => {
    const ok = io({ stdin: new PassThrough() });
    assert.equal(await run(['run', '--app', 'dana-scratch', 'echo', 'hi there'], ok.io), 0, ok.err());
    assert.match(ok.out(), /hi there\n/);
    assert.match(ok.err(), /Process exited with status 0/);
    const three = io({ stdin: new PassThrough() });
    assert.equal(await run(['run', '-a', 'dana-scratch', '--', 'sh', '-c', 'exit 3'], three.io), 3);
    assert.ok(!(three.out() + three.err()).includes(heroku.apiKey));
  });

  it('reads input from a pipe and sends Ctrl-D at its end', async () => {
    const stdin = new PassThrough();
    const t = io({ stdin });
    const done = run(['run', '-a', 'dana-scratch', 'read line; echo "got $line"'], t.io);
    stdin.end('piped\n');
    assert.equal(await done, 0, t.err());
    assert.match(t.out(), /got piped/);
  });

  it('puts a TTY in raw mode for the session (Ctrl-C goes to the dyno) and restores it at the end', async () => {
    const raw: boolean[] = [];
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (on: boolean) => { raw.push(on); } });
    const t = io({ stdin });
    const done = run(['run', '-a', 'dana-scratch', 'echo ready; sleep 20; echo never'], t.io);
    await waitUntil('the dyno to print ready', () => t.out().includes('ready'), { ms: 10_000, everyMs: 20 });
    stdin.write('\u0003');
    assert.equal(await done, 130, t.err());
    assert.deepEqual(raw, [true, false]);
    assert.doesNotMatch(t.out(), /never/);
    assert.match(t.err(), /Interrupted \(Ctrl-C\)/);
  });

  it('parses arguments as the Heroku CLI joins them', () => {
    assert.deepEqual(parseRunArgs(['-a', 'x', '-s', 'standard-2x', 'rails', 'c']), { app: 'x', size: 'standard-2x', detached: false, help: false, command: ['rails', 'c'] });
    assert.deepEqual(parseRunArgs(['--app=x', '--', '-v']), { app: 'x', size: undefined, detached: false, help: false, command: ['-v'] });
    assert.equal(joinCommand(['echo', 'a b', 'say "hi"']), 'echo "a b" "say \\"hi\\""');
    assert.equal(joinCommand(['rake db:migrate']), 'rake db:migrate');
  });
});
