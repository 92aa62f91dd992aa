// The Heroku explorer's tree in the real extension host against the fake Heroku: the workspace app from its git
// remote and every app grouped by owner, each section of an app, remotes followed without a refresh, failures as
// nodes, a refresh that supersedes a slow load, an unchanged refresh of 304s, and sign-in offered when signed out.
import * as assert from 'node:assert';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitUntil } from '../support/wait';
import { useExtension } from './extension';
import { children, walk } from './tree';

const STAGING = 'acme-web-staging';

describe('explorer: the tree', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';

  it('runs in Test mode, where the test-only heroku.explorer.getChildren is registered (not in Production)', async () => {
    assert.notStrictEqual(ext.services.context.extensionMode, vscode.ExtensionMode.Production);
    assert.ok((await vscode.commands.getCommands(true)).includes('heroku.explorer.getChildren'));
  });

  it('shows the workspace app from its git remote and every fixture app grouped by owner', async () => {
    assert.deepStrictEqual((await children()).map((n) => n.label), ['This workspace', 'All apps']);
    const ws = await walk('This workspace');
    assert.deepStrictEqual(ws.kids.map((n) => [n.kind, n.label]), [['app', ext.app]]);
    assert.deepStrictEqual((await walk('All apps')).kids.map((n) => n.label), ['Personal', 'acme']);
    const personal = (await walk('All apps', 'Personal')).kids;
    assert.deepStrictEqual(personal.map((n) => n.label), ['dana-blog', 'dana-fir', 'dana-scratch']);
    const acme = (await walk('All apps', 'acme')).kids;
    const teamApps = (await heroku.control.state()).apps.map((a) => a.name).filter((n) => n.startsWith('acme-')).sort();
    assert.deepStrictEqual(acme.map((n) => n.label), teamApps);
    assert.match(acme.find((n) => n.label === 'acme-ledger')?.description ?? '', /space acme-vault/);
    assert.match(personal[0].description ?? '', /maintenance/);
  });

  it('follows a remote added to and removed from a sub-folder repository\'s .git/config, without a refresh', async () => {
    const repo = join(workspace, 'remote-it');
    const config = join(repo, '.git', 'config');
    const workspaceApps = async () => (await walk('This workspace')).kids.map((n) => n.label).sort();
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(config, '[core]\n\tbare = false\n');
    try {
      // The refresh button searches the remotes again and so finds the new repository (still without a Heroku remote).
      await vscode.commands.executeCommand('heroku.explorer.refresh');
      assert.deepStrictEqual(await workspaceApps(), [ext.app]);
      // `heroku git:remote -a dana-scratch`, then `git remote remove heroku`: no refresh in between. (VS Code gives
      // no events inside .git to a **/.git/config glob: the repository's config is watched with fs.watch.)
      writeFileSync(config, '[core]\n\tbare = false\n[remote "heroku"]\n\turl = https://git.heroku.com/dana-scratch.git\n');
      await waitUntil('the new remote\'s app under This workspace', async () => (await workspaceApps()).includes('dana-scratch'));
      assert.deepStrictEqual(await workspaceApps(), [ext.app, 'dana-scratch'].sort());
      // git writes config.lock and renames it over config
      writeFileSync(`${config}.lock`, '[core]\n\tbare = false\n');
      renameSync(`${config}.lock`, config);
      await waitUntil('the app gone with its remote', async () => !(await workspaceApps()).includes('dana-scratch'));
    } finally {
      rmSync(repo, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  });

  it('shows dyno states, formation, add-ons, releases, masked config vars and domains', async () => {
    const dynos = (await walk('All apps', 'acme', 'acme-api', 'Dynos')).kids;
    assert.deepStrictEqual(dynos.find((d) => d.label === 'web.1')?.contextValue, 'heroku.dyno.crashed');
    const releases = (await walk('All apps', 'acme', STAGING, 'Releases')).kids;
    assert.ok(releases.length > 1 && releases.length <= 20);
    assert.strictEqual(releases.filter((r) => r.contextValue === 'heroku.release.current').length, 1);
    const config = (await walk('All apps', 'acme', STAGING, 'Config Vars')).kids;
    const values = Object.values((await heroku.control.state()).configVars[await heroku.control.appId(STAGING)]);
    assert.ok(config.length === values.length && config.every((c) => c.kind === 'configVar'));
    for (const c of config) {
      assert.ok(!values.includes(c.description ?? '') && !values.some((v) => v.length >= 4 && (c.tooltip ?? '').includes(v)), `${c.label} shows its value before Reveal`);
    }
    for (const section of ['Formation', 'Add-ons', 'Domains']) {
      const kids = (await walk('All apps', 'acme', 'acme-web-production', section)).kids;
      assert.ok(kids.length > 0 && kids.every((k) => k.kind !== 'error'), `${section}: ${kids.map((k) => k.label).join(', ')}`);
    }
  });

  it('a malformed or failed answer shows an error node, and the rest of the tree still works', async () => {
    await heroku.control.addFaults(
      { method: 'GET', path: '/apps/acme-web-dev/dynos', malformed: 'garbage' },
      { method: 'GET', path: '/apps/acme-web-dev/domains', status: 404, errorId: 'not_found' },
    );
    const dynos = (await walk('All apps', 'acme', 'acme-web-dev', 'Dynos')).kids;
    assert.deepStrictEqual(dynos.map((k) => k.kind), ['error'], dynos.map((k) => k.label).join(', '));
    const domains = (await walk('All apps', 'acme', 'acme-web-dev', 'Domains')).kids;
    assert.deepStrictEqual(domains.map((k) => k.kind), ['error']);
    const formation = (await walk('All apps', 'acme', 'acme-web-dev', 'Formation')).kids;
    assert.ok(formation.length > 0 && formation.every((k) => k.kind === 'formation'));
  });

  it('a refresh supersedes a slow load: the slow request is abandoned unanswered and the tree answers fresh', async () => {
    // Only this test's read may take the delayed request. Other readers of the app list (the tree in the window,
    // the scheduler's tick) would otherwise start a load just before the fault that then takes it, and that load's
    // 30 s timeout, not the refresh, would end it. So: no tick meanwhile, the list read (every reader joined to that
    // one load), and only then a clean log, the fault and a forgotten list, so the next read is the first request.
    const { scheduler, state } = ext.services;
    const interval = scheduler.interval;
    scheduler.setInterval(0);
    try {
      const { node: all } = await walk('All apps');
      await heroku.control.clearRequests();
      await heroku.control.addFaults({ method: 'GET', path: '/apps', delayMs: 30_000, times: 1 });
      state.invalidate();
      let settled = false;
      const slow = children(all).finally(() => { settled = true; });
      await heroku.control.waitForRequest('the slow GET /apps', (r) => r.method === 'GET' && r.path === '/apps');
      assert.strictEqual(settled, false, 'the read waits on the slow request');
      const refreshed = Date.now();
      await vscode.commands.executeCommand('heroku.explorer.refresh');
      assert.deepStrictEqual((await slow).map((k) => k.label), ['Personal', 'acme']);
      const list = state.peekAccount().apps;
      assert.ok(list && !list.error && list.at >= refreshed, `the list was read after the refresh (${JSON.stringify(list?.error)})`);
      const lists = (await heroku.control.requests()).filter((r) => r.method === 'GET' && r.path === '/apps');
      // The first is still waiting on its delay (status 0: no answer yet), so the tree did not wait for it.
      assert.ok(lists.length >= 2 && lists[0].status === 0 && lists[lists.length - 1].status !== 0, lists.map((r) => r.status).join(', '));
    } finally {
      scheduler.setInterval(interval);
    }
  });

  it('an unchanged refresh costs only 304s', async () => {
    const labels = [['All apps', 'acme', STAGING, 'Dynos'], ['All apps', 'acme', STAGING, 'Releases'], ['This workspace']];
    for (const l of labels) await walk(...l);
    await heroku.control.clearRequests();
    await vscode.commands.executeCommand('heroku.explorer.refresh');
    for (const l of labels) await walk(...l);
    const gets = (await heroku.control.requests()).filter((r) => r.method === 'GET');
    assert.ok(gets.length >= 4, `refresh re-read the tree (${gets.length} GETs)`);
    // The session's own account probe (sign-in check, `cache: false`, no If-None-Match) may run meanwhile: not ours.
    const ours = gets.filter((r) => !(r.path === '/account' && !('if-none-match' in r.headers)));
    assert.deepStrictEqual(ours.filter((r) => r.status !== 304).map((r) => `${r.path} ${r.status}`), []);
  });

  it('signed out, the tree offers sign-in instead of failing; signing in again restores it', async () => {
    await ext.services.heroku.signOut();
    await waitUntil('signed out', () => ext.services.heroku.getClient() === undefined);
    const kids = (await walk('All apps')).kids;
    assert.deepStrictEqual(kids.map((k) => [k.kind, k.command?.id]), [['signIn', 'heroku.signIn']]);
    await ext.signIn();
    await waitUntil('signed in', async () => (await walk('All apps')).kids.some((k) => k.label === 'acme'));
  });
});
