// Promotion in the real extension host against the fake Heroku's pipeline acme-web: from the tree (staging to
// production, two-factor) and from the palette (only apps with a next stage offered); the tree follows.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { useExtension } from './extension';
import { walk } from './tree';

const STAGING = 'acme-web-staging';

describe('explorer: promote', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const newest = async (app: string) => {
    const id = await heroku.control.appId(app);
    return (await heroku.control.state()).releases.filter((r) => r.appId === id).sort((a, b) => b.version - a.version)[0];
  };

  it('promotes staging to production from the tree: a new release downstream, the tree follows', async () => {
    const acme = (await walk('All apps', 'acme')).kids;
    const staging = acme.find((k) => k.label === STAGING);
    assert.strictEqual(staging?.contextValue, 'heroku.app.promote-production');
    assert.strictEqual(acme.find((k) => k.label === 'acme-web-production')?.contextValue, 'heroku.app');
    const before = await newest('acme-web-production');
    const ui = ext.ui(['Promote', '424242']); // production needs the two-factor code
    await vscode.commands.executeCommand('heroku.app.promoteToProduction', staging);
    assert.match(ui.asked[0] ?? '', /^warn: Promote acme-web-staging v\d+ to acme-web-production\?$/, ui.asked.join(' | '));
    const created = await newest('acme-web-production');
    assert.ok(created.version > before.version, 'a new production release');
    assert.match(created.description, /^Promote acme-web-staging v\d+$/);
    assert.ok(ui.infos.some((m) => /^Promoted acme-web-staging v\d+ to acme-web-production\.$/.test(m)), ui.infos.join(' | '));
    const releases = (await walk('All apps', 'acme', 'acme-web-production', 'Releases')).kids;
    assert.deepStrictEqual([releases[0].label, releases[0].contextValue], [`v${created.version}`, 'heroku.release.current']);
  });

  it('promotes from the palette: only apps with a next stage are offered', async () => {
    const ui = ext.ui(['acme-web-dev', 'Promote']);
    await vscode.commands.executeCommand('heroku.app.promote');
    assert.deepStrictEqual([...(ui.offered[0] ?? [])].sort(), ['acme-web-dev', STAGING]);
    assert.match((await newest(STAGING)).description, /^Promote acme-web-dev v\d+$/);
    assert.ok(ui.infos.some((m) => m.startsWith('Promoted acme-web-dev')), ui.infos.join(' | '));
  });

  it('a target Heroku fails is reported with Heroku\'s words', async () => {
    const prod = await heroku.control.appId('acme-web-production');
    await heroku.control.addFaults({ method: 'GET', path: '/pipeline-promotions/*/promotion-targets', body: [{ app: { id: prod }, status: 'failed', error_message: 'Release phase failed.' }] });
    const ui = ext.ui(['Promote', '424242']);
    const text = await vscode.commands.executeCommand<string>('heroku.app.promote', STAGING);
    assert.match(text ?? '', /^Promotion of acme-web-staging v\d+ failed: acme-web-production failed: Release phase failed\.$/);
    assert.deepStrictEqual(ui.warnings, [text]);
  });
});
