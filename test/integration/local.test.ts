// Running the workspace's Procfile locally in the real extension host: the fixture's release, web (node server.js
// on $PORT, greeting from .env) and worker run, each with its terminal; one is restarted, one stopped with Ctrl+C
// typed in its terminal, then all are stopped and no pid is left. Also: control sequences a process prints reach
// its terminal escaped (colours kept), the view's rows (uptime, Open in Browser), the combined output channel, the
// env files pick, Save to .env… after a run with the app's config vars, the "Run locally" lenses, and tasks.json tasks of the `heroku` type and its alias `heroku-local`.
// The test hook heroku.local.testState (registered outside ExtensionMode.Production) gives the processes, the
// view's rows, the combined output and what each terminal was written.
import * as assert from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProcessRow } from '../../src/core/runner/rows';
import type { LocalProcess } from '../../src/core/runner/session';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { useExtension } from './extension';
import { freePort } from '../support/ports';

interface TestState { processes: LocalProcess[]; terminals: Record<string, string>; rows: ProcessRow[]; combined: string }
const state = async (): Promise<TestState> => (await vscode.commands.executeCommand<TestState>('heroku.local.testState'))!;
const proc = async (name: string) => (await state()).processes.find((p) => p.name === name);

/** True while a process of the group runs; a zombie (dead, waiting for a reaper that may never come) does not count. */
function groupAlive(pgid: number): boolean {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 3);
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
    } catch {
      // exited meanwhile
    }
  }
  return false;
}

describe('local: run the Procfile in VS Code', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const procfile = join(folder, 'Procfile');
  let port = 0;

  before(async () => {
    port = await freePort();
    // The base port comes from an env file after .env, so the test never meets a port in use on the machine.
    writeFileSync(join(folder, 'test-port.env'), `PORT=${port}\n`);
  });

  after(async () => {
    await vscode.commands.executeCommand('heroku.local.stopAll');
    for (const t of vscode.window.terminals.filter((x) => x.name.endsWith(' · local'))) t.dispose();
    rmSync(join(folder, 'test-port.env'), { force: true });
    rmSync(join(folder, 'ansi'), { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    rmSync(join(folder, '.vscode', 'tasks.json'), { force: true });
  });

  it('runs release first, then web and worker, each in its own terminal; web answers on $PORT with .env\'s greeting', async () => {
    ext.ui();
    const result = await vscode.commands.executeCommand<{ started: string[] }>('heroku.runLocal', { procfile, all: true, env: 'dotenv', envFiles: ['.env', 'test-port.env'] });
    assert.deepStrictEqual(result?.started, ['release.1', 'web.1', 'worker.1']);
    const s = await waitFor('web listening and a worker heartbeat', async () => {
      const x = await state();
      return x.terminals['web.1']?.includes(`web listening on ${port}`) && x.terminals['worker.1']?.includes('worker heartbeat 1') ? x : undefined;
    }, 30_000);
    assert.match(s.terminals['release.1'], /migrations: nothing to do\r\n/);
    assert.deepStrictEqual(s.processes.map((p) => [p.name, p.state, p.port]), [['release.1', 'exited', undefined], ['web.1', 'running', port], ['worker.1', 'running', port + 100]]);
    assert.strictEqual(s.processes[0].exit?.code, 0);
    const names = vscode.window.terminals.map((t) => t.name);
    for (const n of ['web.1 · local', 'worker.1 · local', 'release.1 · local']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    assert.strictEqual(await res.text(), 'Hello from .env\n');
  });

  it('the view\'s rows give state, port, pid and uptime; the running web row offers Open in Browser on its port', async () => {
    const { rows, processes } = await state();
    const web = rows.find((r) => r.name === 'web.1');
    const pid = processes.find((p) => p.name === 'web.1')?.pid;
    assert.strictEqual(web?.description, `running · :${port} · pid ${pid} · up <1m`);
    assert.match(web.tooltip, new RegExp(`state: running, pid ${pid}, up <1m\nrestarts: 0$`));
    assert.deepStrictEqual([web.contextValue, web.url], ['heroku.local.running.web', `http://localhost:${port}`]);
    assert.strictEqual(rows.find((r) => r.name === 'worker.1')?.contextValue, 'heroku.local.running', 'no browser for a worker');
    const opened = await vscode.commands.executeCommand<{ url: string }>('heroku.local.openInBrowser', web);
    assert.ok(opened?.url.includes(String(port)), `the external URI of the web port: ${opened?.url}`);
  });

  it('the combined output has every process\'s lines, time-stamped and prefixed', async () => {
    await vscode.commands.executeCommand('heroku.local.showCombinedOutput');
    const text = (await state()).combined;
    assert.match(text, new RegExp(`^\\d\\d:\\d\\d:\\d\\d web\\.1    \\| web listening on ${port}$`, 'm'));
    assert.match(text, /^\d\d:\d\d:\d\d worker\.1 \| worker heartbeat 1$/m);
    assert.match(text, /^\d\d:\d\d:\d\d release\.1 \| \[exited with code 0\]$/m);
    // eslint-disable-next-line no-control-regex -- no escape sequence reaches the channel
    assert.ok(!/[\x00-\x08\x0b-\x1f]/.test(text), 'no control characters (colours stripped)');
  });

  it('restarts web alone: a new pid on the same port, the terminal says so, the worker keeps running', async () => {
    const web = await proc('web.1');
    const worker = await proc('worker.1');
    assert.ok(web?.pid && worker?.pid, 'both run (the test before started them)');
    await vscode.commands.executeCommand('heroku.local.restart', 'web.1');
    const again = await waitFor('web.1 running again', async () => {
      const p = await proc('web.1');
      return p?.state === 'running' && p.pid !== web.pid ? p : undefined;
    });
    assert.strictEqual(again.restarts, 1);
    assert.strictEqual((await proc('worker.1'))?.pid, worker.pid);
    assert.ok(!groupAlive(web.pid), 'the old web process is gone');
    await waitFor('the new web listening', async () => ((await state()).terminals['web.1'].split(`web listening on ${port}`).length === 3 ? true : undefined));
    assert.match((await state()).terminals['web.1'], /restarting web\.1…/);
    assert.strictEqual(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'Hello from .env\n');
  });

  it('Ctrl+C typed in a process\'s terminal stops that process only', async () => {
    const worker = await proc('worker.1');
    const terminal = vscode.window.terminals.find((t) => t.name === 'worker.1 · local');
    assert.ok(terminal && worker?.pid);
    terminal.sendText('\x03', false);
    const stopped = await waitFor('worker.1 stopped', async () => {
      const p = await proc('worker.1');
      return p?.state === 'exited' ? p : undefined;
    });
    assert.strictEqual(stopped.exit?.stoppedByUs, true);
    assert.strictEqual((await proc('web.1'))?.state, 'running');
    assert.ok(!groupAlive(worker.pid));
  });

  it('Stop All stops everything and leaves no process behind; closing a terminal forgets its row', async () => {
    const pids = (await state()).processes.filter((p) => p.state === 'running').map((p) => p.pid!);
    assert.ok(pids.length > 0, 'something runs');
    await vscode.commands.executeCommand('heroku.local.stopAll');
    await waitFor('all exited', async () => ((await state()).processes.every((p) => p.state === 'exited') ? true : undefined));
    for (const pid of pids) assert.ok(!groupAlive(pid), `process group ${pid} is gone`);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/`), 'nothing answers on the port');
    vscode.window.terminals.find((t) => t.name === 'web.1 · local')?.dispose();
    await waitFor('web.1 forgotten', async () => ((await proc('web.1')) === undefined ? true : undefined));
  });

  it('a process\'s colours reach its terminal; cursor moves, screen clears and titles arrive escaped', async () => {
    mkdirSync(join(folder, 'ansi'), { recursive: true });
    const script = "process.stdout.write('\\x1b[31mred\\x1b[0m \\x1b]0;pwned\\x07 \\x1b[2J\\x1b[H done\\n')";
    writeFileSync(join(folder, 'ansi', 'Procfile'), `ansi: node -e "${script}"\n`);
    await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'ansi', 'Procfile'), processType: 'ansi', env: 'dotenv' });
    // The header repeats the command: wait for the exit, whose note comes after the output.
    const text = await waitFor('the ansi process to end', async () => {
      const s = await state();
      return s.processes.find((p) => p.name === 'ansi.1')?.state === 'exited' && s.terminals['ansi.1']?.includes('exited with code 0') ? s.terminals['ansi.1'] : undefined;
    });
    assert.ok(text.includes('\x1b[31mred\x1b[0m'), 'SGR kept');
    assert.ok(text.includes('\\u001b]0;pwned\\u0007 \\u001b[2J\\u001b[H done\r\n'), JSON.stringify(text));
    assert.ok(!text.includes('\x1b]0;') && !text.includes('\x1b[2J'), 'no raw OSC or clear');
  });

  it('runs with the config vars of the workspace app when asked (over .env), and shows none of their values', async () => {
    const ui = ext.ui();
    await ext.services.state.read(ext.app, 'config');
    const config = ext.services.state.secretConfig(ext.app) ?? {};
    const key = Object.keys(config).find((k) => /^[A-Z_]+$/.test(k) && config[k].length >= 8);
    assert.ok(key, `${ext.app} has a config var with a value of 8 characters or more: ${Object.keys(config).join(', ')}`);
    mkdirSync(join(folder, 'ansi'), { recursive: true });
    writeFileSync(join(folder, 'ansi', 'Procfile'), `show: node -e "console.log('${key} set:', !!process.env.${key}, 'GREETING:', process.env.GREETING)"\n`);
    writeFileSync(join(folder, 'ansi', '.env'), 'GREETING=from the sub-folder .env\n');
    await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'ansi', 'Procfile'), processType: 'show', env: 'app', app: ext.app });
    const text = await waitFor('the show process to end', async () => {
      const s = await state();
      return s.processes.find((p) => p.name === 'show.1')?.state === 'exited' && s.terminals['show.1']?.includes('exited with code') ? s.terminals['show.1'] : undefined;
    });
    // FORCE_COLOR is set for the processes: console.log paints `true` (the colour is kept, as a terminal shows it).
    // eslint-disable-next-line no-control-regex -- removing SGR to read the words
    const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
    assert.ok(plain.includes(`${key} set: true GREETING: from the sub-folder .env\r\n`), JSON.stringify(text));
    assert.ok(!text.includes(config[key]), 'the terminal shows no config value');
    assert.ok(ui.infos.some((i) => i.startsWith(`Running with the ${Object.keys(config).length} config vars of ${ext.app}, held in memory only.`)), ui.infos.join(' | '));
  });

  it('after a run with the config vars, Save to .env… writes them into that folder\'s .env only after a modal yes, showing no value', async () => {
    await ext.services.state.read(ext.app, 'config');
    const config = ext.services.state.secretConfig(ext.app) ?? {};
    const keys = Object.keys(config).filter((k) => config[k].length >= 8);
    assert.ok(keys.length > 0, 'the app has config vars with values of 8 characters or more');
    const file = join(folder, 'ansi', '.env');
    const before = readFileSync(file, 'utf8');
    const no = ext.ui([undefined]);
    await vscode.commands.executeCommand('heroku.local.saveConfigToEnv');
    assert.strictEqual(readFileSync(file, 'utf8'), before, 'nothing written without a yes');
    assert.strictEqual(no.asked.length, 1);
    assert.match(no.asked[0], new RegExp(`^warn: Write the config vars of ${ext.app} into .*ansi/\\.env\\?$`));
    const yes = ext.ui(['Write']);
    const out = await vscode.commands.executeCommand<{ written: boolean; changes: number }>('heroku.local.saveConfigToEnv');
    assert.strictEqual(out?.written, true);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith('GREETING=from the sub-folder .env\n'), 'the file\'s own lines are kept');
    for (const k of keys) assert.ok(after.includes(`${k}=`) && after.includes(config[k].slice(0, 8)), `${k} written`);
    for (const said of [...no.asked, ...yes.asked, ...yes.infos]) {
      for (const k of keys) assert.ok(!said.includes(config[k]), `no value of ${k} in: ${said}`);
    }
  });

  it('with several .env* files, asks which (in order, a later one winning) and remembers the choice', async () => {
    mkdirSync(join(folder, 'ansi'), { recursive: true });
    writeFileSync(join(folder, 'ansi', 'Procfile'), `pick: node -e "console.log('A=' + process.env.A + ' B=' + process.env.B)"\n`);
    writeFileSync(join(folder, 'ansi', '.env'), 'A=from-env\nB=from-env\n');
    writeFileSync(join(folder, 'ansi', '.env.local'), 'B=from-local\n');
    writeFileSync(join(folder, 'ansi', '.env.test'), 'A=from-test\n');
    const ui = ext.ui(['pick', '.env, .env.local']);
    await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'ansi', 'Procfile'), env: 'dotenv' });
    assert.deepStrictEqual(ui.offered[1], ['.env', '.env.local', '.env.test']);
    assert.strictEqual(ui.unanswered, 0);
    const text = await waitFor('the pick process to end', async () => {
      const s = await state();
      return s.processes.find((p) => p.name === 'pick.1')?.state === 'exited' && s.terminals['pick.1']?.includes('exited with code') ? s.terminals['pick.1'] : undefined;
    });
    assert.ok(text.includes('A=from-env B=from-local\r\n'), JSON.stringify(text));
    vscode.window.terminals.find((t) => t.name === 'pick.1 · local')?.dispose();
    await waitFor('pick.1 forgotten', async () => ((await proc('pick.1')) === undefined ? true : undefined));
    // From a lens (the process given), the last choice is used without asking.
    const again = ext.ui([]);
    await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'ansi', 'Procfile'), processType: 'pick' });
    assert.deepStrictEqual(again.asked, []);
    const second = await waitFor('the second run to end', async () => {
      const s = await state();
      return s.processes.find((p) => p.name === 'pick.1')?.state === 'exited' && s.terminals['pick.1']?.includes('exited with code') ? s.terminals['pick.1'] : undefined;
    });
    assert.ok(second.includes('A=from-env B=from-local\r\n'), JSON.stringify(second));
  });

  it('heroku.local.stopAllWhenOneExits: off, a crash leaves the rest running; on, it stops them and their terminals say why', async () => {
    mkdirSync(join(folder, 'ansi'), { recursive: true });
    writeFileSync(join(folder, 'ansi', 'Procfile'), 'crash: node -e "setTimeout(() => process.exit(3), 500)"\nstay: node -e "setInterval(() => {}, 1000)"\n');
    const config = vscode.workspace.getConfiguration('heroku.local');
    const run = async () => {
      ext.ui();
      await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'ansi', 'Procfile'), all: true, env: 'dotenv', envFiles: [] });
      return waitFor('crash.1 exited', async () => ((await proc('crash.1'))?.state === 'exited' ? true : undefined));
    };
    try {
      await run();
      // The session stops the rest in the same turn as it records the exit: 'stopping' would show already.
      assert.strictEqual((await proc('stay.1'))?.state, 'running', 'off (the default): stay.1 keeps running');
      assert.match((await state()).rows.find((r) => r.name === 'crash.1')?.description ?? '', /^exited \(code 3\)/);
      await vscode.commands.executeCommand('heroku.local.stopAll');
      await waitFor('stay.1 stopped', async () => ((await proc('stay.1'))?.state === 'exited' ? true : undefined));
      await config.update('stopAllWhenOneExits', true, vscode.ConfigurationTarget.Workspace);
      await waitFor('the setting read', async () => (vscode.workspace.getConfiguration('heroku.local').get('stopAllWhenOneExits') === true ? true : undefined));
      await run();
      const stay = await waitFor('stay.1 stopped by the crash', async () => { const p = await proc('stay.1'); return p?.state === 'exited' ? p : undefined; });
      assert.strictEqual(stay.exit?.stoppedByUs, true);
      assert.match((await state()).terminals['stay.1'] ?? '', /stopping stay\.1: crash\.1 exited with code 3 \(heroku\.local\.stopAllWhenOneExits\)/);
    } finally {
      await config.update('stopAllWhenOneExits', undefined, vscode.ConfigurationTarget.Workspace);
      for (const t of vscode.window.terminals.filter((x) => x.name === 'crash.1 · local' || x.name === 'stay.1 · local')) t.dispose();
    }
  });

  it('"Run all locally" on the first line and "Run locally" on each process type', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(procfile));
    const lenses = await waitFor('the local lenses', async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', vscode.Uri.file(procfile))) ?? [];
      const mine = all.filter((l) => l.command?.command === 'heroku.runLocal');
      return mine.length ? mine : undefined;
    });
    assert.deepStrictEqual(lenses.map((l) => [l.range.start.line, l.command?.title, (l.command?.arguments?.[0] as { processType?: string }).processType]),
      [[0, '$(run-all) Run all locally', undefined], [0, '$(play) Run locally', 'web'], [1, '$(play) Run locally', 'worker'], [2, '$(play) Run locally', 'release']]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a heroku task from tasks.json runs the Procfile (release first) through the same session and stops with the task', async () => {
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, '.vscode', 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [
      { label: 'all (local test)', type: 'heroku', envFile: ['.env', 'test-port.env'] },
      {
        label: 'lint (alias test)', type: 'heroku-local', procfile: 'ansi/Procfile', process: 'lint', isBackground: false,
        problemMatcher: { owner: 'heroku-local-test', fileLocation: ['relative', '${workspaceFolder}'], pattern: { regexp: '(\\S+):(\\d+):(\\d+): (error): (.*)$', file: 1, line: 2, column: 3, severity: 4, message: 5 } },
      },
    ] }));
    const task = await waitFor('the tasks.json task', async () => (await vscode.tasks.fetchTasks({ type: 'heroku' })).find((t) => t.name === 'all (local test)'));
    const provided = (await vscode.tasks.fetchTasks({ type: 'heroku' })).map((t) => t.name);
    assert.ok(provided.includes('Procfile (all processes)') && provided.includes('worker'), provided.join(', '));
    let ended = false;
    const end = new Promise<number | undefined>((r) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => { if (e.execution.task.name === task.name) { ended = true; sub.dispose(); r(e.exitCode); } });
    });
    const execution = await vscode.tasks.executeTask(task);
    const running = await waitFor('web.1 and worker.1 from the task', async () => {
      const s = await state();
      const mine = s.processes.filter((p) => ['web.1', 'worker.1'].includes(p.name) && p.state === 'running' && p.pid);
      return mine.length === 2 ? mine : undefined;
    }, 30_000);
    assert.strictEqual((await proc('release.1'))?.exit?.code, 0, 'the release phase ran first');
    assert.ok(!ended, 'the task still runs after its release phase ended');
    await waitFor('the web answering', async () => ((await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text(), () => '')) === 'Hello from .env\n' ? true : undefined));
    execution.terminate();
    const code = await end;
    assert.ok(code === 0 || code === undefined, `the task ends when its processes were stopped (exit code ${code})`);
    await waitFor('all exited', async () => ((await state()).processes.every((p) => p.state === 'exited') ? true : undefined));
    for (const p of running) assert.ok(!groupAlive(p.pid!), `${p.name} is gone`);
  });

  it('the old type name heroku-local still runs (an alias of heroku): a procfile of its own, and tasks.json\'s problem matcher', async () => {
    mkdirSync(join(folder, 'ansi'), { recursive: true });
    writeFileSync(join(folder, 'ansi', 'Procfile'), `lint: node -e "console.log('ansi/Procfile:1:1: error: from the task')"\n`);
    const task = await waitFor('the alias task', async () => (await vscode.tasks.fetchTasks({ type: 'heroku-local' })).find((t) => t.name === 'lint (alias test)'));
    const end = new Promise<number | undefined>((r) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => { if (e.execution.task.name === task.name) { sub.dispose(); r(e.exitCode); } });
    });
    await vscode.tasks.executeTask(task);
    assert.strictEqual(await end, 0, 'the one process ran and ended the task');
    assert.strictEqual((await proc('lint.1'))?.exit?.code, 0);
    const uri = vscode.Uri.file(join(folder, 'ansi', 'Procfile'));
    const found = await waitFor('the problem matcher\'s diagnostic', async () => vscode.languages.getDiagnostics(uri).find((d) => d.message === 'from the task'));
    assert.deepStrictEqual([found.range.start.line, found.severity], [0, vscode.DiagnosticSeverity.Error]);
  });
});
