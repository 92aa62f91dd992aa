/* eslint-disable no-control-regex -- these tests look for escape sequences in the output */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLocal } from '../../../src/cli/local/index';
import { fixture, NODE, POLL } from '../infra/process/helpers';
import { waitUntil } from '../../support/wait';
import { runCli, startCli, type CliRun } from './helpers';

interface Session extends CliRun {
  interrupt(signal?: string): void;
}

function start(cwd: string, argv: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}): Session {
  let handler: ((s: string) => void) | undefined;
  const onInterrupt = (h: (s: string) => void) => { handler = h; return () => (handler = undefined); };
  const r = startCli(argv, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env }, tty: opts.tty ? true : undefined },
    (a, io) => runLocal(a, io, { onInterrupt }));
  return { ...r, interrupt: (s = 'SIGINT') => handler?.(s) };
}

const PRINT_ENV = `${NODE} ${fixture('print-env.js')}`;
const SLEEPER = `${NODE} ${fixture('sleeper.js')}`;

describe('cli: heroku-workflows local', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-local-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the formation with ports, DYNO and .env values per process, prefixed lines; Ctrl-C stops all (130)', async () => {
    writeFileSync(join(dir, 'Procfile'), `web: ${PRINT_ENV} PORT DYNO FOREMAN_WORKER_NAME MSG --stay\nworker: ${PRINT_ENV} PORT DYNO MSG --stay\n`);
    writeFileSync(join(dir, '.env'), 'MSG="a\\nb" # quoted, with an escape\n');
    const s = start(dir, ['web=2,worker=1']);
    await waitUntil('three processes to print their env', () => (s.stdout().match(/\| \{/g) ?? []).length === 3, POLL);
    s.interrupt();
    assert.equal(await s.done, 130);
    const out = s.stdout();
    const envOf = (name: string) => JSON.parse(new RegExp(`^\\d\\d:\\d\\d:\\d\\d ${name.replace('.', '\\.')} +\\| (\\{.*\\})$`, 'm').exec(out)?.[1] ?? 'null');
    assert.deepEqual(envOf('web.1'), { PORT: '5006', DYNO: 'web.1', FOREMAN_WORKER_NAME: 'web.1', MSG: 'a\nb' });
    assert.deepEqual(envOf('web.2'), { PORT: '5007', DYNO: 'web.2', FOREMAN_WORKER_NAME: 'web.2', MSG: 'a\nb' });
    assert.deepEqual(envOf('worker.1'), { PORT: '5106', DYNO: 'worker.1', MSG: 'a\nb' });
    assert.match(out, /runner +\| loaded \.env \(KEY=VALUE, 1 variable\)/);
    assert.match(out, /runner +\| SIGINT: stopping all processes/);
    assert.equal((out.match(/\| stopped$/gm) ?? []).length, 3);
    assert.doesNotMatch(out, /\x1b/, 'no colours when the output is not a terminal');
  });

  it('one process exiting stops the others; the exit code is the first failing process\'s', async () => {
    writeFileSync(join(dir, 'Procfile'), `web: ${SLEEPER}\nbad: sleep 0.2; echo failing; exit 3\n`);
    const s = start(dir, []);
    assert.equal(await s.done, 3);
    assert.match(s.stdout(), /bad\.1 +\| failing\n.*bad\.1 +\| exited with code 3\n.*runner +\| bad\.1 ended: stopping the other processes\n/s);
    assert.match(s.stdout(), /web\.1 +\| stopped$/m);
  });

  it('--keep-running leaves the others running after one exits', async () => {
    writeFileSync(join(dir, 'Procfile'), `web: ${SLEEPER}\nbad: exit 4\n`);
    const s = start(dir, ['--keep-running']);
    await waitUntil('the exit', () => /bad\.1 +\| exited with code 4/.test(s.stdout()) && /web\.1 +\| ready/.test(s.stdout()), POLL);
    assert.doesNotMatch(s.stdout(), /web\.1 +\| stopped/);
    s.interrupt();
    assert.equal(await s.done, 4);
  });

  it('escapes control characters when not a terminal; keeps colours (and sets FORCE_COLOR) on one, unless NO_COLOR', async () => {
    const script = `process.stdout.write('\\x1b[31mred\\x1b[0m \\x1b]0;title\\x07 bell\\n' + process.env.FORCE_COLOR + '\\n')`;
    writeFileSync(join(dir, 'Procfile'), `web: ${NODE} -e "${script}"\n`);
    const plain = start(dir, []);
    assert.equal(await plain.done, 0);
    assert.match(plain.stdout(), /web\.1 +\| red \\x1b\]0;title\\x07 bell\n.*web\.1 +\| undefined\n/s);
    const tty = start(dir, [], { tty: true });
    assert.equal(await tty.done, 0);
    assert.match(tty.stdout(), /\x1b\[31mred\x1b\[0m \\x1b\]0;title\\x07 bell\x1b\[0m\n/);
    assert.match(tty.stdout(), /\x1b\[35m\d\d:\d\d:\d\d web\.1 {2}\|\x1b\[0m 1\n/, 'a coloured prefix, and FORCE_COLOR=1');
    const noColor = start(dir, [], { tty: true, env: { NO_COLOR: '1' } });
    assert.equal(await noColor.done, 0);
    assert.doesNotMatch(noColor.stdout(), /\x1b\[/);
  });

  it('--release runs the release process first; when it fails nothing else starts', async () => {
    writeFileSync(join(dir, 'Procfile'), `release: echo migrating; exit 5\nweb: ${SLEEPER}\n`);
    const s = start(dir, ['--release']);
    assert.equal(await s.done, 5);
    assert.match(s.stdout(), /release\.1 +\| migrating\n/);
    assert.match(s.stdout(), /the release phase failed: nothing else is started/);
    assert.doesNotMatch(s.stdout(), /web\.1/);
    writeFileSync(join(dir, 'Procfile'), `release: echo migrated\nweb: echo served\n`);
    const ok = start(dir, ['--release']);
    assert.equal(await ok.done, 0);
    assert.match(ok.stdout(), /release\.1 +\| migrated\n.*release\.1 +\| exited with code 0\n.*web\.1 +\| served\n/s);
  });

  it('a process that cannot be spawned is reported and stops the rest (exit 127)', async () => {
    writeFileSync(join(dir, 'Procfile'), `web: ${SLEEPER}\nworker: ${SLEEPER}\n`);
    writeFileSync(join(dir, '.env'), 'BAD="a\0b"\n');
    const s = start(dir, []);
    assert.equal(await s.done, 127);
    assert.match(s.stdout(), /web\.1 +\| could not start: .*null bytes/);
    assert.doesNotMatch(s.stdout(), /worker\.1/);
  });

  it('refuses a bad plan with errors that point at the file and line, exit code 2', async () => {
    writeFileSync(join(dir, 'Procfile'), 'web: node a.js\nworker:\n');
    const unknown = start(dir, ['wbe']);
    assert.equal(await unknown.done, 2);
    assert.equal(unknown.stderr(), 'Procfile: error: no process type `wbe` in Procfile; did you mean `web`? it declares `web`, `worker`\n');
    const empty = start(dir, ['worker', '--env', 'missing.env']);
    assert.equal(await empty.done, 2);
    assert.equal(empty.stderr(), 'missing.env: warning: env file not found; skipped\nProcfile:2: error: `worker` has no command\n');
    const port = start(dir, ['-p', '80']);
    assert.equal(await port.done, 2);
    assert.match(port.stderr(), /--port is 80: ports below 1024/);
    const none = start(dir, ['--procfile', 'nope/Procfile']);
    assert.equal(await none.done, 2);
    assert.match(none.stderr(), /no Procfile at nope\/Procfile/);
    assert.equal(await start(dir, ['--grace', 'soon']).done, 2);
  });

  it('is reachable as `heroku-workflows local` and runs the demo app', async () => {
    const help = await runCli(['local', '--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: heroku-workflows local/);
    const demo = join(__dirname, '..', '..', 'fixtures', 'runner', 'demo-app');
    const s = start(demo, ['--release', '--port', String(20000 + (process.pid % 20000))]); // a port no other test run picks
    await waitUntil('the web process', () => /web\.1 +\| listening on (http:\/\/localhost:\d+)/.test(s.stdout()), POLL);
    const url = /listening on (http:\/\/localhost:\d+)/.exec(s.stdout())![1];
    const page = await (await fetch(url)).text();
    assert.match(page, /<h1>Hello from \.env<\/h1>/);
    assert.match(page, /Served by <code>web\.1<\/code>/);
    await waitUntil('the worker', () => /worker\.1 +\| worker\.1 ready/.test(s.stdout()), POLL);
    s.interrupt();
    assert.equal(await s.done, 130);
    assert.match(s.stdout(), /release\.1 +\| release phase: nothing to migrate/);
    assert.match(s.stdout(), /web\.1 +\| SIGTERM: closing the server/);
  });
});
