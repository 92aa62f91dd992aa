// "Heroku: Deploy…" in the real extension host against the fake Heroku: the demo workspace (a clean git
// repository) is packed, uploaded, built and released; the build channel's text and the fake's releases say it
// worked, and the explorer's release list follows.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/core/tree/nodes';
import type { DeployOutcome } from '../../src/vscode/deploy/deploy-command';
import type { FakeControl } from '../support/fake-control';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { DeployTestInput } from './deploy-input';
import { useExtension } from './extension';

// A Node.js app of the demo seed without a two-factor requirement: the workspace is a Node.js app, and the
// workspace remote's app (HW_TEST_APP) may have another buildpack set, which would fail the build (as on Heroku).
const APP = 'acme-web-dev';

async function currentRelease(control: FakeControl): Promise<{ version: number; description: string } | undefined> {
  const state = await control.state();
  const id = state.apps.find((a) => a.name === APP)?.id;
  const mine = state.releases.filter((r) => r.appId === id && r.status === 'succeeded').sort((a, b) => b.version - a.version);
  return mine[0];
}

describe('deploy: Heroku: Deploy… in VS Code', function () {
  this.timeout(120_000);
  const heroku = useFakeHeroku({ resetEach: false });
  const ext = useExtension(heroku);
  before(() => heroku.control.patchState({ buildStepMs: 20, releasePhaseStepMs: 20 }));

  it('deploys the workspace to its app: a new current release, shown in the build channel and the tree', async () => {
    const ui = new DeployTestInput();
    ext.services.commands.ui = ui;
    const before = await currentRelease(heroku.control);
    assert.ok(before, 'the app has a release');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const result = await vscode.commands.executeCommand<DeployOutcome>('heroku.deploy', { app: APP, folder });
    assert.ok(result, `the command returned nothing; prompts: ${ui.asked.join(' | ')}`);
    assert.strictEqual(result.state.outcome?.kind, 'succeeded', result.log);
    assert.strictEqual(result.folder, folder);
    assert.match(result.log, /^=== Deploying .* to /);
    assert.match(result.log, /--> Build \(build [0-9a-f]{8}\)/);
    assert.match(result.log, /=== Deployed v\d+\./);
    const after = await currentRelease(heroku.control);
    assert.ok(after && after.version > before.version, `current release v${after?.version} after v${before.version}`);
    // The workspace is a clean git repository: its commit is the build's version ("Deploy <sha>").
    assert.match(after.description, /^Deploy [0-9a-f]{8}/);
    // The explorer follows (one refresh after the deploy said the app changed).
    const children = async (node?: ExplorerNode) => (await vscode.commands.executeCommand<ExplorerNode[]>('heroku.explorer.getChildren', node)) ?? [];
    await waitFor(`v${after.version} in the explorer`, async () => {
      const all = (await children()).find((n) => n.kind === 'allApps');
      const acme = all ? (await children(all)).find((n) => n.label === 'acme') : undefined;
      const appNode = acme ? (await children(acme)).find((n) => n.app === APP && n.kind === 'app') : undefined;
      if (!appNode) return undefined;
      const releases = (await children(appNode)).find((n) => n.section === 'releases');
      const rows = releases ? await children(releases) : [];
      return rows.some((r) => r.label.startsWith(`v${after.version}`)) ? true : undefined;
    }, 30_000);
  });
});
