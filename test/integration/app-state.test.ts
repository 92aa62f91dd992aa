// One app state for every view, in the real extension host against the fake Heroku: the tree, the status bar and
// the Procfile CodeLens read the same store and refresh on the same schedule, so an app shown in all three costs
// one set of requests per interval, and an action from one view shows in the others.
import * as assert from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { AppChange } from '../../src/core/state/types';
import type { RefreshReport } from '../../src/core/state/store';
import type { Event } from '../../src/core/event';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { useExtension } from './extension';
import { walk } from './tree';

/** The next event, as a promise (waiting on it, not on time). */
function next<T>(event: Event<T>, pred: (e: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const d = event((e) => { if (pred(e)) { d.dispose(); resolve(e); } });
  });
}

describe('app state: one store and one schedule for the tree, the status bar and the CodeLens', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const procfile = vscode.Uri.file(join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'Procfile'));
  after(async () => {
    await vscode.workspace.getConfiguration('heroku.explorer').update('refreshInterval', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an action from the tree shows in the status bar, from the store, without a request of its own', async () => {
    const app = ext.app;
    const before = await vscode.commands.executeCommand<{ text: string }>('heroku.statusBar.refresh');
    assert.match(before?.text ?? '', new RegExp(`${app} · v\\d+`));
    const { node } = await walk('This workspace', app);
    const dynosChanged = next(ext.services.state.onDidChangeApp, (e: AppChange) => e.app === app && e.slices.includes('dynos'));
    ext.ui(['Restart', '424242']); // the code in case the workspace app needs two-factor
    await vscode.commands.executeCommand('heroku.app.restart', node);
    await dynosChanged;
    await heroku.control.clearRequests();
    const after = await vscode.commands.executeCommand<{ text: string; tooltip: string }>('heroku.statusBar.refresh');
    const dynos = ext.services.state.peek(app).dynos?.value ?? [];
    assert.ok(dynos.length > 0 && dynos.every((d) => d.state === 'starting'), 'the fake restarted every dyno');
    assert.match(after?.tooltip ?? '', new RegExp(`Dynos: 0 up, ${dynos.length} starting`));
    assert.deepStrictEqual(await heroku.control.requests(), [], 'the status bar read the store, not Heroku');
  });

  it('an app shown in the tree, the status bar and a Procfile\'s CodeLens costs one set of requests per interval', async () => {
    const app = ext.app;
    await vscode.commands.executeCommand('workbench.view.extension.heroku');
    for (const section of ['Formation', 'Dynos', 'Releases']) await walk('This workspace', app, section);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(procfile));
    await vscode.commands.executeCommand('heroku.statusBar.refresh');
    const tick = (): Promise<RefreshReport> => next(ext.services.scheduler.onDidTick);
    const started = tick();
    await vscode.workspace.getConfiguration('heroku.explorer').update('refreshInterval', 10, vscode.ConfigurationTarget.Global);
    await started; // the first tick on the new interval: everything the views want is now read on one schedule
    await heroku.control.clearRequests();
    await tick();
    const paths = (await heroku.control.requests()).filter((r) => r.method === 'GET').map((r) => r.path);
    const count = (p: string) => paths.filter((x) => x === p).length;
    const mine = ['', '/formation', '/dynos', '/releases'].map((s) => `/apps/${app}${s}`);
    assert.deepStrictEqual(mine.map(count), [1, 1, 1, 1], paths.join(', '));
    // The tree's own wants (its visible workspace node reads the couplings) were refreshed too: it was counted.
    assert.strictEqual(count('/pipeline-couplings'), 1, paths.join(', '));
  });
});
