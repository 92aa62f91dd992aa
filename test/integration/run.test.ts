// "Heroku: Run Command…" in the real extension host: a VS Code terminal backed by a Pseudoterminal joined to the
// fake's rendezvous server, where the command really runs; `echo hi` prints and exits 0.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { RunStarted } from '../../src/vscode/run/run-command';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { DeployTestInput } from './deploy-input';
import { useExtension } from './extension';

const APP = process.env.HW_TEST_APP ?? '';

describe('run: one-off dyno terminal in VS Code', function () {
  this.timeout(60_000);
  const heroku = useFakeHeroku({ resetEach: false });
  const ext = useExtension(heroku);
  before(() => assert.ok(APP, 'the runner sets HW_TEST_APP'));

  it('runs `echo hi` in a terminal: the output, then the exit status; the command is remembered', async () => {
    const services = ext.services;
    services.commands.ui = new DeployTestInput();
    const started = await vscode.commands.executeCommand<RunStarted>('heroku.run', { app: APP, command: 'echo hi' });
    assert.ok(started, 'heroku.run returned the terminal');
    assert.ok(vscode.window.terminals.includes(started.terminal));
    assert.strictEqual(started.terminal.name, `Heroku: echo hi (${APP})`);
    const result = await started.pty.done;
    assert.deepStrictEqual(result.end, { kind: 'exited', status: 0 }, result.error);
    assert.match(result.output, /hi\r\n/);
    assert.doesNotMatch(result.output, /heroku-command-exit-status/);
    assert.deepStrictEqual(services.context.globalState.get<string[]>(`heroku.run.recent.${APP}`)?.[0], 'echo hi');
    started.terminal.dispose();
  });

  it('on the sandbox\'s Fir app (dana-fir) joins the dyno over SSH with the machine\'s ssh: the output and the exit status in the same terminal', async () => {
    ext.services.commands.ui = new DeployTestInput();
    const started = await vscode.commands.executeCommand<RunStarted>('heroku.run', { app: 'dana-fir', command: 'echo fir-term; exit 6' });
    assert.ok(started, 'heroku.run returned the terminal');
    const result = await started.pty.done;
    assert.deepStrictEqual(result.end, { kind: 'exited', status: 6 }, result.error ?? result.output);
    assert.match(result.output, /fir-term\r\n/);
    started.terminal.dispose();
  });

  it('offers "Run on Heroku" above each process type of the workspace Procfile', async () => {
    const procfile = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'Procfile');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(procfile));
    const lenses = await waitFor('the Run lenses', async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', procfile)) ?? [];
      const run = all.filter((l) => l.command?.command === 'heroku.run');
      return run.length ? run : undefined;
    });
    assert.deepStrictEqual(lenses.map((l) => (l.command?.arguments?.[0] as { processType: string }).processType), ['web', 'worker', 'release']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
