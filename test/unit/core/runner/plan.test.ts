import * as assert from 'node:assert/strict';
import { describeSource } from '../../../../src/core/runner/env-merge';
import { buildRunPlan, processEnvInfo, type PlanInput, type RunPlan } from '../../../../src/core/runner/plan';
import { formatProblem } from '../../../../src/core/runner/problems';

const PROCFILE = ['release: ./migrate', 'web: node server.js', 'worker: node worker.js', 'clock: node clock.js', ''].join('\n');

function input(over: Partial<PlanInput> = {}): PlanInput {
  return { procfile: { file: 'Procfile', text: PROCFILE }, envFiles: [], processEnv: { PATH: '/bin', HOME: '/home/u' }, ...over };
}

function plan(over: Partial<PlanInput> = {}): RunPlan {
  const r = buildRunPlan(input(over));
  if (!r.ok) assert.fail(r.errors.map(formatProblem).join('\n'));
  return r.plan;
}

function errors(over: Partial<PlanInput>): string[] {
  const r = buildRunPlan(input(over));
  assert.equal(r.ok, false, 'expected the plan to be refused');
  return r.ok ? [] : r.errors.map(formatProblem);
}

describe('core/runner/plan', () => {
  it('without a formation runs every type except release once, ports by type order (web.1=5006, worker.1=5106)', () => {
    const p = plan();
    assert.deepEqual(p.processes.map((x) => [x.name, x.port, x.command, x.line]), [
      ['web.1', 5006, 'node server.js', 1], ['worker.1', 5106, 'node worker.js', 2], ['clock.1', 5206, 'node clock.js', 3]]);
    assert.equal(p.release, undefined);
  });

  it('a formation sets counts and the type order: web=2,worker=1 -> web.1 5006, web.2 5007, worker.1 5106', () => {
    const p = plan({ formation: 'web=2,worker=1' });
    assert.deepEqual(p.processes.map((x) => [x.name, x.port]), [['web.1', 5006], ['web.2', 5007], ['worker.1', 5106]]);
    assert.deepEqual(plan({ formation: 'worker,web' }).processes.map((x) => [x.name, x.port]), [['worker.1', 5006], ['web.1', 5106]]);
    // A type scaled to 0 still takes its place in the order, as in node-foreman's loop.
    assert.deepEqual(plan({ formation: 'web=0,worker=1' }).processes.map((x) => [x.name, x.port]), [['worker.1', 5106]]);
  });

  it('sets PORT, DYNO and FOREMAN_WORKER_NAME per process, over the shared environment', () => {
    const [web1, web2] = plan({ formation: 'web=2' }).processes;
    assert.equal(web1.env.PORT, '5006');
    assert.equal(web2.env.PORT, '5007');
    assert.equal(web2.env.DYNO, 'web.2');
    assert.equal(web2.env.FOREMAN_WORKER_NAME, 'web.2');
    assert.equal(web2.env.HOME, '/home/u');
  });

  it('keeps an inherited FOREMAN_WORKER_NAME, as node-foreman does', () => {
    const [web] = plan({ processEnv: { FOREMAN_WORKER_NAME: 'outer.1' } }).processes;
    assert.equal(web.env.FOREMAN_WORKER_NAME, 'outer.1');
    assert.equal(web.env.DYNO, 'web.1');
  });

  it('base port: --port, else PORT of the env files (the last file wins), else the own PORT, else 5006', () => {
    const envFiles = [{ file: '.env', text: 'PORT=6000\n' }, { file: '.env.local', text: 'PORT=7000\n' }];
    assert.equal(plan({ port: '8000', envFiles, processEnv: { PORT: '9000' } }).processes[0].port, 8000);
    const fromFile = plan({ envFiles, processEnv: { PORT: '9000' } });
    assert.equal(fromFile.processes[0].port, 7000);
    assert.deepEqual(fromFile.basePortSource, { kind: 'file', file: '.env.local', line: 0 });
    assert.equal(plan({ processEnv: { PORT: '9000' } }).processes[1].port, 9100);
    assert.equal(plan({ processEnv: { PORT: '' } }).basePort, 5006);
    assert.equal(plan({ envFiles: [{ file: '.env', text: 'PORT=\n' }], processEnv: { PORT: '9000' } }).basePort, 9000);
  });

  it('refuses ports below 1024, non-numbers and ports past 65535, naming where the value came from', () => {
    assert.match(errors({ port: '80' })[0], /--port is 80: ports below 1024/);
    assert.match(errors({ envFiles: [{ file: '.env', text: 'A=1\nPORT=abc\n' }] })[0], /^\.env:2: error: PORT in \.env is "abc", not a port number/);
    assert.match(errors({ processEnv: { PORT: '0' } })[0], /PORT in the environment is 0/);
    assert.match(errors({ port: '65500', formation: 'web=1,worker=1' })[0], /^Procfile:3: error: worker\.1 would get port 65600/);
  });

  it('env precedence: process < env files (in order) < app config vars < runner, with each origin recorded', () => {
    const p = plan({
      processEnv: { A: 'proc', B: 'proc', C: 'proc', D: 'proc', PORT: '1234' },
      envFiles: [{ file: '.env', text: 'B=file1\nC=file1\n' }, { file: 'x.json', text: '{"c": "json", "db": {"url": "pg://"}, "n": 3, "nil": null}' }],
      appConfig: { app: 'my-app', vars: { D: 'app', PORT: '80', BAD: 42 } },
    });
    const web = p.processes[0];
    assert.deepEqual([web.env.A, web.env.B, web.env.C, web.env.D, web.env.DB_URL, web.env.N], ['proc', 'file1', 'json', 'app', 'pg://', '3']);
    assert.equal(web.env.BAD, undefined, 'a config value that is not text is skipped');
    assert.equal(web.env.NIL, undefined);
    assert.equal(web.env.PORT, '1234', 'the per-process PORT wins over the app config');
    const info = processEnvInfo(p, web);
    assert.deepEqual(info.get('C')?.source, { kind: 'file', file: 'x.json' });
    assert.deepEqual(info.get('C')?.overrides.map((s) => s.kind), ['process', 'file']);
    assert.deepEqual(info.get('D')?.source, { kind: 'app', app: 'my-app' });
    assert.equal(info.get('PORT')?.source.kind, 'runner');
    assert.deepEqual(info.get('PORT')?.overrides.map((s) => s.kind), ['process', 'app']);
    assert.equal(describeSource(info.get('B')!.source), '.env line 1');
    assert.deepEqual(p.envFiles, [{ file: '.env', format: 'dotenv', count: 2 }, { file: 'x.json', format: 'json', count: 3 }]);
  });

  it('.env quoting and escapes reach the process: "a\\nb" is a real newline', () => {
    const text = 'MSG="a\\nb"\nRAW=\'a\\nb\'\nURL=postgres://u:p@h/db?x=1 # comment\nexport E=1\n';
    const [web] = plan({ envFiles: [{ file: '.env', text }] }).processes;
    assert.equal(web.env.MSG, 'a\nb');
    assert.equal(web.env.RAW, 'a\\nb');
    assert.equal(web.env.URL, 'postgres://u:p@h/db?x=1');
    assert.equal(web.env.E, '1');
  });

  it('warns about a missing env file only when the user named it, and about bad env lines with their line', () => {
    const r = buildRunPlan(input({ envFiles: [{ file: '.env', text: undefined }, { file: 'prod.env', text: undefined, explicit: true }, { file: 'x.env', text: 'A=1\nnot a pair\n' }] }));
    assert.ok(r.ok);
    assert.deepEqual(r.plan.warnings.map(formatProblem), ['prod.env: warning: env file not found; skipped', 'x.env:2: warning: not a KEY=VALUE line (or an unclosed quote); ignored']);
  });

  it('an unknown type in the formation is an error that lists the types and suggests the nearest', () => {
    assert.deepEqual(errors({ formation: 'wbe=1' }), ['Procfile: error: no process type `wbe` in Procfile; did you mean `web`? it declares `release`, `web`, `worker`, `clock`']);
    assert.match(errors({ formation: 'web=two' })[0], /the count of web must be a whole number/);
    assert.match(errors({ formation: '=2' })[0], /names no process type/);
    assert.match(errors({ formation: 'web=0' })[0], /runs no process/);
  });

  it('points at the Procfile line: an empty command, a bad name, a duplicate, a line that is not a declaration', () => {
    const text = 'web:\nweb.1: x\nworker: a\nworker: b\njust words\n';
    assert.deepEqual(errors({ procfile: { file: 'Procfile', text }, formation: 'web' }), ['Procfile:1: error: `web` has no command']);
    const r = buildRunPlan(input({ procfile: { file: 'Procfile', text }, formation: 'worker' }));
    assert.ok(r.ok);
    assert.equal(r.plan.processes[0].command, 'b');
    assert.deepEqual(r.plan.warnings.map(formatProblem), [
      'Procfile:5: warning: not a `type: command` line; nothing runs from it',
      'Procfile:2: warning: `web.1` is not a process type name (letters, digits, `_` and `-` only); this line does not run',
      'Procfile:3: warning: `worker` is declared again on line 4; that later command runs (as with heroku local)',
    ]);
    assert.deepEqual(errors({ procfile: { file: 'Procfile', text: '# nothing\n' } }), ['Procfile: error: declares no process types (expected lines such as `web: node server.js`)']);
  });

  it('the release phase: planned apart when asked, with DYNO=release.1 and no PORT of its own', () => {
    const p = plan({ releaseFirst: true, formation: 'release,web' });
    assert.equal(p.release?.command, './migrate');
    assert.equal(p.release?.env.DYNO, 'release.1');
    assert.equal(p.release?.runnerVars.PORT, undefined);
    assert.deepEqual(p.processes.map((x) => [x.name, x.port]), [['web.1', 5006]]);
    // Named without releaseFirst it runs beside the others, as heroku local would.
    assert.deepEqual(plan({ formation: 'release,web' }).processes.map((x) => x.name), ['release.1', 'web.1']);
    const none = buildRunPlan(input({ procfile: { file: 'Procfile', text: 'web: x\n' }, releaseFirst: true }));
    assert.ok(none.ok && none.plan.warnings.some((w) => /no `release` process type/.test(w.message)));
    assert.match(errors({ procfile: { file: 'Procfile', text: 'release: x\n' } })[0], /declares only `release`/);
  });

  it('CRLF Procfiles and a BOM run the same commands', () => {
    const p = plan({ procfile: { file: 'Procfile', text: '\uFEFFweb: node a.js\r\nworker: node b.js\r\n' } });
    assert.deepEqual(p.processes.map((x) => [x.name, x.command]), [['web.1', 'node a.js'], ['worker.1', 'node b.js']]);
  });
});
