// The explorer's actions in the real extension host against the fake Heroku: scale (quantity and size), roll back,
// restart a dyno or a process type, maintenance with a two-factor code, and config vars added, edited and removed.
// Each changes the fake's state, and the tree follows through the app-state store.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { FIRST } from '../support/test-user-input';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitUntil } from '../support/wait';
import { useExtension } from './extension';
import { walk } from './tree';

const STAGING = 'acme-web-staging';

describe('explorer: actions', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const formationOf = async (app: string, type: string) => {
    const id = await heroku.control.appId(app);
    return (await heroku.control.state()).formation.find((f) => f.appId === id && f.type === type);
  };
  const treeFormation = async (type: string) => (await walk('All apps', 'acme', STAGING, 'Formation')).kids.find((k) => k.label === type);

  it('scaling changes the fake formation and the tree follows', async () => {
    const worker = await treeFormation('worker');
    assert.ok(worker);
    const ui = ext.ui(['3', FIRST, 'Scale']);
    await vscode.commands.executeCommand('heroku.formation.scale', worker);
    assert.strictEqual((await formationOf(STAGING, 'worker'))?.quantity, 3, ui.asked.join(' | '));
    await waitUntil('tree shows 3 workers', async () => (await treeFormation('worker'))?.description?.startsWith('3 × ') ?? false);
  });

  it('scaling can change the size and the quantity together: the fake and the tree follow', async () => {
    const web = await treeFormation('web');
    assert.ok(web);
    assert.match(web.description ?? '', /^1 × standard-1X$/i);
    const ui = ext.ui(['2', 'standard-2X', 'Scale']);
    await vscode.commands.executeCommand('heroku.formation.scale', web);
    assert.ok(ui.offered[1]?.[0]?.toLowerCase() === 'standard-1x', `the current size first: ${ui.offered[1]?.join(', ')}`);
    assert.ok(ui.asked.includes('warn: Scale web of acme-web-staging to 2 × standard-2X?'), ui.asked.join(' | '));
    const f = await formationOf(STAGING, 'web');
    assert.deepStrictEqual([f?.quantity, f?.size.toLowerCase()], [2, 'standard-2x']);
    await waitUntil('tree shows 2 × standard-2X', async () => (await treeFormation('web'))?.description?.toLowerCase() === '2 × standard-2x');
  });

  it('rollback creates a release in the fake and the tree marks it current', async () => {
    const { kids } = await walk('All apps', 'acme', STAGING, 'Releases');
    const target = kids.find((k) => k.contextValue === 'heroku.release.succeeded');
    assert.ok(target, 'a succeeded, non-current release to roll back to');
    ext.ui(['Roll Back']);
    await vscode.commands.executeCommand('heroku.release.rollback', target);
    const id = await heroku.control.appId(STAGING);
    const newest = (await heroku.control.state()).releases.filter((r) => r.appId === id).sort((a, b) => b.version - a.version)[0];
    assert.strictEqual(newest.description, `Rollback to ${target.label}`);
    const after = (await walk('All apps', 'acme', STAGING, 'Releases')).kids;
    assert.deepStrictEqual([after[0].label, after[0].contextValue], [`v${newest.version}`, 'heroku.release.current']);
  });

  it('rollback from the palette offers the succeeded releases before the current one, newest first', async () => {
    const ui = ext.ui([undefined]);
    await vscode.commands.executeCommand('heroku.release.rollback', STAGING);
    const offered = ui.offered[0] ?? [];
    const versions = offered.map((l) => Number(l.slice(1)));
    assert.ok(versions.length > 0 && versions.every((v, i) => i === 0 || v < versions[i - 1]), offered.join(', '));
    assert.ok(!offered.includes('v17') && !offered.includes('v16'), 'not the pending v17, not the current v16');
  });

  it('restarts a dyno and a process type after a yes', async () => {
    const web1 = (await walk('All apps', 'acme', STAGING, 'Dynos')).kids.find((d) => d.label === 'web.1');
    assert.ok(web1);
    await heroku.control.clearRequests();
    ext.ui(['Restart']);
    await vscode.commands.executeCommand('heroku.dyno.restart', web1);
    ext.ui([undefined]);
    await vscode.commands.executeCommand('heroku.formation.restart', STAGING);
    ext.ui(['worker', 'Restart']);
    await vscode.commands.executeCommand('heroku.formation.restart', STAGING);
    const deletes = (await heroku.control.requests()).filter((r) => r.method === 'DELETE').map((r) => r.path);
    assert.deepStrictEqual(deletes, [`/apps/${STAGING}/dynos/web.1`, `/apps/${STAGING}/formations/worker`]);
  });

  it('maintenance on an app that needs two-factor asks for the code, and the tree shows it', async () => {
    const app = 'acme-web-production';
    const ui = ext.ui(['Turn On', '424242']);
    await vscode.commands.executeCommand('heroku.app.maintenanceOn', app);
    const maintenance = async () => (await heroku.control.state()).apps.find((a) => a.name === app)?.maintenance;
    assert.strictEqual(await maintenance(), true, ui.asked.join(' | '));
    const node = (await walk('All apps', 'acme')).kids.find((k) => k.label === app);
    assert.strictEqual(node?.contextValue, 'heroku.app.maintenance');
    ext.ui(['424242']);
    await vscode.commands.executeCommand('heroku.app.maintenanceOff', node);
    assert.strictEqual(await maintenance(), false);
  });

  it('adds, edits and removes a config var through PATCH /config-vars', async () => {
    const { node } = await walk('All apps', 'acme', STAGING, 'Config Vars');
    const id = await heroku.control.appId(STAGING);
    const config = async () => (await heroku.control.state()).configVars[id];
    ext.ui(['ADDED_BY_TEST', 'added-value-1']);
    await vscode.commands.executeCommand('heroku.configVar.add', node);
    assert.strictEqual((await config()).ADDED_BY_TEST, 'added-value-1');
    const added = (await walk('All apps', 'acme', STAGING, 'Config Vars')).kids.find((k) => k.label === 'ADDED_BY_TEST');
    assert.ok(added, 'the tree shows the new var');
    ext.ui(['edited-value-2']);
    await vscode.commands.executeCommand('heroku.configVar.edit', added);
    assert.strictEqual((await config()).ADDED_BY_TEST, 'edited-value-2');
    ext.ui([undefined]);
    await vscode.commands.executeCommand('heroku.configVar.remove', added);
    assert.strictEqual((await config()).ADDED_BY_TEST, 'edited-value-2', 'no answer, no change');
    ext.ui(['Remove']);
    await vscode.commands.executeCommand('heroku.configVar.remove', added);
    assert.ok(!('ADDED_BY_TEST' in (await config())));
  });
});
