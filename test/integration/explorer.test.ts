// The Heroku explorer in the real extension host against the fake Heroku: the tree shows the fixture's apps,
// scaling and rollback change the fake's state and the tree follows, a pulled .env matches the app's config
// (keeping comments and local keys), and neither the token nor config values reach the extension's log.
import * as assert from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import { envToMap, parseEnv } from '../../src/core/env/parse';
import type { ExplorerNode } from '../../src/core/tree/nodes';
import type { UserInput } from '../../src/vscode/commands';
import type { Services } from '../../src/vscode/services';

const FAKE = process.env.HW_FAKE_HEROKU_URL ?? '';
const KEY = process.env.HW_FAKE_HEROKU_KEY ?? '';
const STAGING = 'acme-web-staging';

interface FakeState {
  apps: { id: string; name: string }[];
  formation: { appId: string; type: string; quantity: number; size: string }[];
  releases: { appId: string; version: number; description: string }[];
  configVars: Record<string, Record<string, string>>;
}

async function fakeState(): Promise<FakeState> {
  const res = await fetch(`${FAKE}/__fake/state`, { headers: { Authorization: `Bearer ${KEY}` } });
  assert.strictEqual(res.status, 200, 'fake state readable');
  return (await res.json()) as FakeState;
}

/** Answers prompts from a script: quick picks by label, input boxes and warnings with the next answer. */
class ScriptedUi implements UserInput {
  readonly asked: string[] = [];
  readonly infos: string[] = [];
  /** The labels of each quick pick, in order. */
  readonly offered: string[][] = [];
  constructor(private readonly answers: (string | undefined)[]) {}
  private next(what: string): string | undefined {
    this.asked.push(what);
    return this.answers.shift();
  }
  showInputBox(o: vscode.InputBoxOptions): Promise<string | undefined> { return Promise.resolve(this.next(`input: ${o.prompt}`)); }
  async showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, o?: vscode.QuickPickOptions): Promise<T | undefined> {
    const label = this.next(`pick: ${o?.placeHolder}`);
    const list = await items;
    this.offered.push(list.map((i) => i.label));
    return label === '*first' ? list[0] : list.find((i) => i.label === label);
  }
  showWarningMessage(m: string): Promise<string | undefined> { return Promise.resolve(this.next(`warn: ${m}`)); }
  showInformationMessage(m: string): Promise<string | undefined> { this.infos.push(m); return Promise.resolve(undefined); }
}

const children = async (node?: ExplorerNode): Promise<ExplorerNode[]> =>
  (await vscode.commands.executeCommand<ExplorerNode[]>('heroku.explorer.getChildren', node)) ?? [];

async function walk(...labels: string[]): Promise<{ node: ExplorerNode; kids: ExplorerNode[] }> {
  let node: ExplorerNode | undefined;
  let kids = await children();
  for (const label of labels) {
    node = kids.find((n) => n.label === label);
    assert.ok(node, `no "${label}" among ${kids.map((n) => n.label).join(', ')}`);
    kids = await children(node);
  }
  assert.ok(node);
  return { node, kids };
}

const control = (path: string, method: string, body?: unknown) => fetch(`${FAKE}/__fake/${path}`, {
  method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
});

async function eventually(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('explorer: Heroku tree and actions in VS Code', function () {
  this.timeout(90_000);
  let services: Services;
  let originalUi: UserInput;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const envFile = join(workspace, '.env');

  before(async () => {
    assert.ok(FAKE && KEY, 'HW_FAKE_HEROKU_URL and HW_FAKE_HEROKU_KEY are set by the runner');
    const api = (await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate()) as { services: typeof services };
    services = api.services;
    await services.ready; // activate() returns before the token sources are read
    originalUi = services.commands.ui;
    await services.heroku.signIn(KEY);
    await eventually('signed in', async () => services.heroku.getClient() !== undefined);
  });

  afterEach(() => { services.commands.ui = originalUi; });
  after(() => { if (existsSync(envFile)) rmSync(envFile); });

  it('runs in Test mode, where the test-only heroku.explorer.getChildren is registered (not in Production)', async () => {
    assert.notStrictEqual(services.context.extensionMode, vscode.ExtensionMode.Production);
    assert.ok((await vscode.commands.getCommands(true)).includes('heroku.explorer.getChildren'));
  });

  it('shows the workspace app from its git remote and every fixture app grouped by owner', async () => {
    assert.deepStrictEqual((await children()).map((n) => n.label), ['This workspace', 'All apps']);
    const ws = await walk('This workspace');
    assert.deepStrictEqual(ws.kids.map((n) => [n.kind, n.label]), [['app', process.env.HW_TEST_APP]]);
    const groups = await walk('All apps');
    assert.deepStrictEqual(groups.kids.map((n) => n.label), ['Personal', 'acme']);
    assert.deepStrictEqual((await walk('All apps', 'Personal')).kids.map((n) => n.label), ['dana-blog', 'dana-scratch']);
    const acme = (await walk('All apps', 'acme')).kids;
    const state = await fakeState();
    const teamApps = state.apps.map((a) => a.name).filter((n) => n.startsWith('acme-')).sort();
    assert.deepStrictEqual(acme.map((n) => n.label), teamApps);
    assert.match(acme.find((n) => n.label === 'acme-ledger')?.description ?? '', /space acme-vault/);
    assert.match((await walk('All apps', 'Personal')).kids[0].description ?? '', /maintenance/);
  });

  it('follows a remote added to and removed from a sub-folder repository\'s .git/config, without a refresh', async () => {
    const repo = join(workspace, 'remote-it');
    const config = join(repo, '.git', 'config');
    const workspaceApps = async () => (await walk('This workspace')).kids.map((n) => n.label).sort();
    const withRemote = '[core]\n\tbare = false\n[remote "heroku"]\n\turl = https://git.heroku.com/dana-scratch.git\n';
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(config, '[core]\n\tbare = false\n');
    try {
      // The refresh button searches the remotes again and so finds the new repository (still without a Heroku remote).
      await vscode.commands.executeCommand('heroku.explorer.refresh');
      assert.deepStrictEqual(await workspaceApps(), [process.env.HW_TEST_APP]);
      // `heroku git:remote -a dana-scratch`, then `git remote remove heroku`: no refresh in between. (VS Code gives
      // no events inside .git to a **/.git/config glob: the repository's config is watched with fs.watch.)
      writeFileSync(config, withRemote);
      await eventually('the new remote\'s app under This workspace', async () => (await workspaceApps()).includes('dana-scratch'));
      assert.deepStrictEqual(await workspaceApps(), [process.env.HW_TEST_APP, 'dana-scratch'].sort());
      // git writes config.lock and renames it over config
      writeFileSync(`${config}.lock`, '[core]\n\tbare = false\n');
      renameSync(`${config}.lock`, config);
      await eventually('the app gone with its remote', async () => !(await workspaceApps()).includes('dana-scratch'));
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('shows dyno states, formation, add-ons, releases, masked config vars and domains', async () => {
    const dynos = (await walk('All apps', 'acme', 'acme-api', 'Dynos')).kids;
    assert.deepStrictEqual(dynos.find((d) => d.label === 'web.1')?.contextValue, 'heroku.dyno.crashed');
    const releases = (await walk('All apps', 'acme', STAGING, 'Releases')).kids;
    assert.ok(releases.length > 1 && releases.length <= 20);
    assert.strictEqual(releases.filter((r) => r.contextValue === 'heroku.release.current').length, 1);
    const config = (await walk('All apps', 'acme', STAGING, 'Config Vars')).kids;
    const state = await fakeState();
    const values = Object.values(state.configVars[state.apps.find((a) => a.name === STAGING)!.id]);
    assert.ok(config.length === values.length && config.every((c) => c.kind === 'configVar'));
    for (const c of config) {
      assert.ok(!values.includes(c.description ?? '') && !values.some((v) => v.length >= 4 && (c.tooltip ?? '').includes(v)), `${c.label} shows its value before Reveal`);
    }
    for (const section of ['Formation', 'Add-ons', 'Domains']) {
      const kids = (await walk('All apps', 'acme', 'acme-web-production', section)).kids;
      assert.ok(kids.length > 0 && kids.every((k) => k.kind !== 'error'), `${section}: ${kids.map((k) => k.label).join(', ')}`);
    }
  });

  it('scaling changes the fake formation and the tree follows', async () => {
    const { kids } = await walk('All apps', 'acme', STAGING, 'Formation');
    const worker = kids.find((k) => k.label === 'worker');
    assert.ok(worker);
    const ui = new ScriptedUi(['3', '*first', 'Scale']);
    services.commands.ui = ui;
    await vscode.commands.executeCommand('heroku.formation.scale', worker);
    const state = await fakeState();
    const appId = state.apps.find((a) => a.name === STAGING)!.id;
    assert.strictEqual(state.formation.find((f) => f.appId === appId && f.type === 'worker')?.quantity, 3, ui.asked.join(' | '));
    await eventually('tree shows 3 workers', async () =>
      (await walk('All apps', 'acme', STAGING, 'Formation')).kids.find((k) => k.label === 'worker')?.description?.startsWith('3 × ') ?? false);
  });

  it('scaling can change the size and the quantity together: the fake and the tree follow', async () => {
    const web = (await walk('All apps', 'acme', STAGING, 'Formation')).kids.find((k) => k.label === 'web');
    assert.ok(web);
    assert.match(web.description ?? '', /^1 × standard-1X$/i);
    const ui = new ScriptedUi(['2', 'standard-2X', 'Scale']);
    services.commands.ui = ui;
    await vscode.commands.executeCommand('heroku.formation.scale', web);
    assert.ok(ui.offered[1]?.[0]?.toLowerCase() === 'standard-1x', `the current size first: ${ui.offered[1]?.join(', ')}`);
    assert.ok(ui.asked.includes('warn: Scale web of acme-web-staging to 2 × standard-2X?'), ui.asked.join(' | '));
    const state = await fakeState();
    const appId = state.apps.find((a) => a.name === STAGING)!.id;
    const f = state.formation.find((x) => x.appId === appId && x.type === 'web');
    assert.deepStrictEqual([f?.quantity, f?.size.toLowerCase()], [2, 'standard-2x']);
    await eventually('tree shows 2 × standard-2X', async () =>
      (await walk('All apps', 'acme', STAGING, 'Formation')).kids.find((k) => k.label === 'web')?.description?.toLowerCase() === '2 × standard-2x');
  });

  it('rollback creates a release in the fake and the tree marks it current', async () => {
    const { kids } = await walk('All apps', 'acme', STAGING, 'Releases');
    const target = kids.find((k) => k.contextValue === 'heroku.release.succeeded');
    assert.ok(target, 'a succeeded, non-current release to roll back to');
    services.commands.ui = new ScriptedUi(['Roll Back']);
    await vscode.commands.executeCommand('heroku.release.rollback', target);
    const state = await fakeState();
    const appId = state.apps.find((a) => a.name === STAGING)!.id;
    const newest = state.releases.filter((r) => r.appId === appId).sort((a, b) => b.version - a.version)[0];
    assert.strictEqual(newest.description, `Rollback to ${target.label}`);
    const after = (await walk('All apps', 'acme', STAGING, 'Releases')).kids;
    assert.strictEqual(after[0].label, `v${newest.version}`);
    assert.strictEqual(after[0].contextValue, 'heroku.release.current');
  });

  it('promotes staging to production from the tree: a new release downstream, the tree follows', async () => {
    const staging = (await walk('All apps', 'acme')).kids.find((k) => k.label === STAGING);
    assert.strictEqual(staging?.contextValue, 'heroku.app.promote-production');
    assert.strictEqual((await walk('All apps', 'acme')).kids.find((k) => k.label === 'acme-web-production')?.contextValue, 'heroku.app');
    const before = await fakeState();
    const prodId = before.apps.find((a) => a.name === 'acme-web-production')!.id;
    const newest = (st: FakeState, id: string) => st.releases.filter((r) => r.appId === id).sort((a, b) => b.version - a.version)[0];
    const ui = new ScriptedUi(['Promote', '424242']); // production needs the two-factor code
    services.commands.ui = ui;
    await vscode.commands.executeCommand('heroku.app.promoteToProduction', staging);
    assert.match(ui.asked[0] ?? '', /^warn: Promote acme-web-staging v\d+ to acme-web-production\?$/, ui.asked.join(' | '));
    const after = await fakeState();
    const created = newest(after, prodId);
    assert.ok(created.version > newest(before, prodId).version, 'a new production release');
    assert.match(created.description, /^Promote acme-web-staging v\d+$/);
    assert.ok(ui.infos.some((m) => /^Promoted acme-web-staging v\d+ to acme-web-production\.$/.test(m)), ui.infos.join(' | '));
    const releases = (await walk('All apps', 'acme', 'acme-web-production', 'Releases')).kids;
    assert.deepStrictEqual([releases[0].label, releases[0].contextValue], [`v${created.version}`, 'heroku.release.current']);
  });

  it('promotes from the palette: only apps with a next stage are offered', async () => {
    const ui = new ScriptedUi(['acme-web-dev', 'Promote']);
    services.commands.ui = ui;
    await vscode.commands.executeCommand('heroku.app.promote');
    assert.deepStrictEqual([...(ui.offered[0] ?? [])].sort(), ['acme-web-dev', STAGING]);
    const state = await fakeState();
    const stagingId = state.apps.find((a) => a.name === STAGING)!.id;
    const newest = state.releases.filter((r) => r.appId === stagingId).sort((a, b) => b.version - a.version)[0];
    assert.match(newest.description, /^Promote acme-web-dev v\d+$/);
    assert.ok(ui.infos.some((m) => m.startsWith('Promoted acme-web-dev')), ui.infos.join(' | '));
  });

  it('an action from the tree also refreshes the status bar (one app-changed event)', async () => {
    const app = process.env.HW_TEST_APP ?? '';
    const { node } = await walk('This workspace', app);
    await control('requests', 'DELETE');
    services.commands.ui = new ScriptedUi(['Restart', '424242']); // the code in case the workspace app needs two-factor
    await vscode.commands.executeCommand('heroku.app.restart', node);
    const statusBarRead = async () => {
      const res = await fetch(`${FAKE}/__fake/requests`, { headers: { Authorization: `Bearer ${KEY}` } });
      const seen = (await res.json()) as { method: string; path: string; headers: Record<string, string> }[];
      const restarted = seen.findIndex((r) => r.method === 'DELETE' && r.path === `/apps/${app}/dynos`);
      // The status bar reads the latest 5 releases; the tree reads 20.
      return restarted >= 0 && seen.slice(restarted).some((r) => r.path === `/apps/${app}/releases` && /max=5\b/.test(r.headers.range ?? ''));
    };
    await eventually('the status bar re-read the app after the restart', statusBarRead);
  });

  it('a refresh supersedes a slow load: its requests are abandoned and it answers fresh', async () => {
    await vscode.commands.executeCommand('heroku.explorer.refresh');
    await control('faults', 'POST', { method: 'GET', path: '/apps', delayMs: 10_000, times: 1 });
    try {
      const all = (await children()).find((n) => n.kind === 'allApps');
      const t0 = Date.now();
      const slow = children(all);
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('heroku.explorer.refresh');
      const kids = await slow;
      assert.deepStrictEqual(kids.map((k) => k.label), ['Personal', 'acme']);
      assert.ok(Date.now() - t0 < 8000, `the delayed answer was waited for (${Date.now() - t0} ms)`);
    } finally {
      await control('faults', 'DELETE');
    }
  });

  it('warns once when the API rate limit runs low, and again after it recovered and dropped', async () => {
    const ui = new ScriptedUi([]);
    services.commands.ui = ui;
    const warnings = () => ui.asked.filter((q) => /^warn: The Heroku API rate limit is running low/.test(q)).length;
    const spend = async () => { await vscode.commands.executeCommand('heroku.explorer.refresh'); await walk('All apps', 'acme'); };
    try {
      await control('state', 'PATCH', { rateLimitRemaining: 250 });
      await spend();
      await eventually('a low rate-limit warning', async () => warnings() === 1);
      await spend();
      await walk('All apps', 'acme', STAGING, 'Dynos');
      assert.strictEqual(warnings(), 1, 'not repeated on every request');
      await control('state', 'PATCH', { rateLimitRemaining: 4000 });
      await spend();
      await control('state', 'PATCH', { rateLimitRemaining: 120 });
      await spend();
      await eventually('warned again after it recovered and dropped', async () => warnings() === 2);
      assert.match(ui.asked.find((q) => q.includes('rate limit')) ?? '', /\d+ of 4,500 requests left/);
    } finally {
      await control('state', 'PATCH', { rateLimitRemaining: 4500 });
    }
  });

  it('pull writes a .env that matches the app config, keeping comments and local keys', async () => {
    const app = process.env.HW_TEST_APP ?? '';
    writeFileSync(envFile, '# local settings\nexport PORT=5006\nNODE_ENV=stale\n');
    const ui = new ScriptedUi(['Write']);
    services.commands.ui = ui;
    const { node } = await walk('This workspace', app);
    await vscode.commands.executeCommand('heroku.config.pull', node);
    const text = readFileSync(envFile, 'utf8');
    assert.ok(text.startsWith('# local settings\nexport PORT=5006\n'), text.split('\n')[0]);
    const state = await fakeState();
    const config = state.configVars[state.apps.find((a) => a.name === app)!.id];
    const written = envToMap(parseEnv(text));
    for (const [k, v] of Object.entries(config)) assert.strictEqual(written.get(k), v, k);
    assert.ok(ui.asked.some((q) => q.startsWith('warn: Write')), 'asked before writing');
    // Answering no writes nothing.
    writeFileSync(envFile, 'NODE_ENV=mine\n');
    services.commands.ui = new ScriptedUi([undefined]);
    await vscode.commands.executeCommand('heroku.config.pull', node);
    assert.strictEqual(readFileSync(envFile, 'utf8'), 'NODE_ENV=mine\n');
  });

  it('push sets only the keys of the .env file on the app, after a yes', async () => {
    writeFileSync(envFile, '# to push\nPUSHED_KEY=from-env-file\n');
    const before = await fakeState();
    const appId = before.apps.find((a) => a.name === STAGING)!.id;
    services.commands.ui = new ScriptedUi(['Push']);
    await vscode.commands.executeCommand('heroku.config.push', STAGING);
    const after = (await fakeState()).configVars[appId];
    assert.deepStrictEqual(after, { ...before.configVars[appId], PUSHED_KEY: 'from-env-file' });
  });

  it('adds, edits and removes a config var through PATCH /config-vars', async () => {
    const { node } = await walk('All apps', 'acme', STAGING, 'Config Vars');
    const appId = (await fakeState()).apps.find((a) => a.name === STAGING)!.id;
    services.commands.ui = new ScriptedUi(['ADDED_BY_TEST', 'added-value-1']);
    await vscode.commands.executeCommand('heroku.configVar.add', node);
    assert.strictEqual((await fakeState()).configVars[appId].ADDED_BY_TEST, 'added-value-1');
    const added = (await walk('All apps', 'acme', STAGING, 'Config Vars')).kids.find((k) => k.label === 'ADDED_BY_TEST');
    assert.ok(added, 'the tree shows the new var');
    services.commands.ui = new ScriptedUi(['edited-value-2']);
    await vscode.commands.executeCommand('heroku.configVar.edit', added);
    assert.strictEqual((await fakeState()).configVars[appId].ADDED_BY_TEST, 'edited-value-2');
    services.commands.ui = new ScriptedUi([undefined]);
    await vscode.commands.executeCommand('heroku.configVar.remove', added);
    assert.strictEqual((await fakeState()).configVars[appId].ADDED_BY_TEST, 'edited-value-2', 'no answer, no change');
    services.commands.ui = new ScriptedUi(['Remove']);
    await vscode.commands.executeCommand('heroku.configVar.remove', added);
    assert.ok(!('ADDED_BY_TEST' in (await fakeState()).configVars[appId]));
  });

  it('restarts a dyno and a process type after a yes', async () => {
    const dynos = (await walk('All apps', 'acme', STAGING, 'Dynos')).kids;
    const web1 = dynos.find((d) => d.label === 'web.1');
    assert.ok(web1);
    await fetch(`${FAKE}/__fake/requests`, { method: 'DELETE', headers: { Authorization: `Bearer ${KEY}` } });
    services.commands.ui = new ScriptedUi(['Restart']);
    await vscode.commands.executeCommand('heroku.dyno.restart', web1);
    services.commands.ui = new ScriptedUi([undefined]);
    await vscode.commands.executeCommand('heroku.formation.restart', STAGING);
    services.commands.ui = new ScriptedUi(['worker', 'Restart']);
    await vscode.commands.executeCommand('heroku.formation.restart', STAGING);
    const res = await fetch(`${FAKE}/__fake/requests`, { headers: { Authorization: `Bearer ${KEY}` } });
    const deletes = ((await res.json()) as { method: string; path: string }[]).filter((r) => r.method === 'DELETE').map((r) => r.path);
    assert.deepStrictEqual(deletes, [`/apps/${STAGING}/dynos/web.1`, `/apps/${STAGING}/formations/worker`]);
  });

  it('maintenance on an app that needs two-factor asks for the code, and the tree shows it', async () => {
    const app = 'acme-web-production';
    const ui = new ScriptedUi(['Turn On', '424242']);
    services.commands.ui = ui;
    await vscode.commands.executeCommand('heroku.app.maintenanceOn', app);
    const maintenance = async () => (await fakeState()).apps.find((a) => a.name === app) as unknown as { maintenance: boolean };
    assert.strictEqual((await maintenance()).maintenance, true, ui.asked.join(' | '));
    const node = (await walk('All apps', 'acme')).kids.find((k) => k.label === app);
    assert.strictEqual(node?.contextValue, 'heroku.app.maintenance');
    services.commands.ui = new ScriptedUi(['424242']);
    await vscode.commands.executeCommand('heroku.app.maintenanceOff', node);
    assert.strictEqual((await maintenance()).maintenance, false);
  });

  it('a malformed or failed answer shows an error node, and the rest of the tree still works', async () => {
    await control('faults', 'POST', [
      { method: 'GET', path: '/apps/acme-web-dev/dynos', malformed: 'garbage' },
      { method: 'GET', path: '/apps/acme-web-dev/domains', status: 404, errorId: 'not_found' },
    ]);
    try {
      const dynos = (await walk('All apps', 'acme', 'acme-web-dev', 'Dynos')).kids;
      assert.deepStrictEqual(dynos.map((k) => k.kind), ['error'], dynos.map((k) => k.label).join(', '));
      const domains = (await walk('All apps', 'acme', 'acme-web-dev', 'Domains')).kids;
      assert.deepStrictEqual(domains.map((k) => k.kind), ['error']);
      const formation = (await walk('All apps', 'acme', 'acme-web-dev', 'Formation')).kids;
      assert.ok(formation.length > 0 && formation.every((k) => k.kind === 'formation'));
    } finally {
      await control('faults', 'DELETE');
    }
  });

  it('an unchanged refresh costs only 304s', async () => {
    const labels = [['All apps', 'acme', STAGING, 'Dynos'], ['All apps', 'acme', STAGING, 'Releases'], ['This workspace']];
    for (const l of labels) await walk(...l);
    await fetch(`${FAKE}/__fake/requests`, { method: 'DELETE', headers: { Authorization: `Bearer ${KEY}` } });
    await vscode.commands.executeCommand('heroku.explorer.refresh');
    for (const l of labels) await walk(...l);
    const res = await fetch(`${FAKE}/__fake/requests`, { headers: { Authorization: `Bearer ${KEY}` } });
    const gets = ((await res.json()) as { method: string; path: string; status: number; headers: Record<string, string> }[]).filter((r) => r.method === 'GET');
    assert.ok(gets.length >= 4, `refresh re-read the tree (${gets.length} GETs)`);
    // The session's own account probe (sign-in check, `cache: false`, no If-None-Match) may run meanwhile: not ours.
    const ours = gets.filter((r) => !(r.path === '/account' && !('if-none-match' in r.headers)));
    assert.deepStrictEqual(ours.filter((r) => r.status !== 304).map((r) => `${r.path} ${r.status}`), []);
  });

  it('never writes the token or a config value to the extension log', async () => {
    const { kids } = await walk('All apps', 'acme', STAGING, 'Config Vars');
    await vscode.commands.executeCommand('heroku.configVar.reveal', kids[0]);
    const state = await fakeState();
    const secrets = [KEY, ...Object.values(state.configVars).flatMap((c) => Object.values(c))].filter((s) => s.length >= 6);
    const logDir = services.context.logUri.fsPath;
    const readLog = () => (existsSync(logDir) ? readdirSync(logDir).map((f) => join(logDir, f)).filter((f) => statSync(f).isFile()) : [])
      .map((f) => readFileSync(f, 'utf8')).join('\n');
    const list = (d: string): string[] => (existsSync(d) ? readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? list(join(d, f)) : [join(d, f)])) : []);
    // Random-looking values are masked wherever they appear; a plain word such as "staging" only where it stands
    // alone, so app names like acme-web-staging stay readable (src/core/redact.ts).
    await eventually('the actions are in the log', async () => /Scaled worker of acme-web-/.test(readLog()) && /Rolled acme-web-\S+ back/.test(readLog()))
      .catch((err: Error) => { throw new Error(`${err.message}; files near ${logDir}: ${list(join(logDir, '..', '..')).join(', ')}`); });
    const text = readLog();
    assert.ok(text.includes(`Scaled worker of ${STAGING}`), 'app names are not mangled by the masking');
    const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const s of secrets) {
      const plainWord = /^[A-Za-z][A-Za-z_-]{0,15}$/.test(s);
      const leaked = plainWord ? new RegExp(`(^|[^A-Za-z0-9_.-])${escape(s)}($|[^A-Za-z0-9_.-])`).test(text) : text.includes(s);
      assert.ok(!leaked, `a secret (${s.length} chars) is in the log`);
    }
  });

  it('signed out, the tree offers sign-in instead of failing; signing in again restores it', async () => {
    await services.heroku.signOut();
    await eventually('signed out', async () => services.heroku.getClient() === undefined);
    const kids = (await walk('All apps')).kids;
    assert.deepStrictEqual(kids.map((k) => [k.kind, k.command?.id]), [['signIn', 'heroku.signIn']]);
    await services.heroku.signIn(KEY);
    await eventually('signed in', async () => (await walk('All apps')).kids.some((k) => k.label === 'acme'));
  });
});
