// What a person sees when deploying and running a one-off dyno from the palette, against the fake Heroku:
// the "Heroku Build: <app>" output channel after a deploy (steps, buildpack output, the release phase, the
// result), and a one-off dyno's terminal (its output and the exit status).
// Screenshots: deploy-build-channel.png, run-terminal.png.
import * as assert from 'node:assert';
import type { Page } from 'playwright-core';
import { launchWorkbench, type Workbench } from './harness';

const APP = 'acme-web-dev';

/** The visible quick input (pick or input box), once it shows. */
async function quickInput(page: Page) {
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: 30_000 });
  return widget;
}

describe('e2e: deploy and a one-off dyno', function () {
  this.timeout(240_000);
  let wb: Workbench;

  before(async () => {
    wb = await launchWorkbench();
    assert.ok(wb.fake && wb.app, 'the fake Heroku and the workspace app');
    const res = await fetch(`${wb.fake.url}/__fake/state`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${wb.fake.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ buildStepMs: 60, releasePhaseStepMs: 80 }),
    });
    assert.strictEqual(res.status, 200);
  });
  after(async () => { await wb?.close(); });

  it('streams the deploy into the "Heroku Build: <app>" channel and ends with the new release', async () => {
    const { page } = wb;
    await wb.runCommandWhenReady('Heroku: Deploy…');
    // The app pick lists the workspace's app first, then the account's; the demo workspace is a Node.js app, so
    // it goes to the seed's Node.js development app (the workspace remote's app may have another buildpack set).
    const pick = await quickInput(page);
    await pick.locator('.monaco-list-row', { hasText: wb.app! }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.type(APP);
    await pick.locator('.monaco-list-row', { hasText: APP }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    // The folder pick (when the workspace has several candidates) and a two-factor prompt may follow.
    const folderPick = page.locator('.quick-input-widget', { hasText: /Folder to deploy/ });
    const twoFactor = page.locator('.quick-input-widget', { hasText: /two-factor/i });
    // Monaco draws spaces as no-break spaces: \s matches both.
    const deployed = page.locator('.output-view, .panel').getByText(/===\sDeployed\sv\d+/);
    for (let i = 0; i < 240 && !(await deployed.count()); i++) {
      if (await folderPick.isVisible().catch(() => false)) await page.keyboard.press('Enter');
      if (await twoFactor.isVisible().catch(() => false)) {
        await page.keyboard.type('424242');
        await page.keyboard.press('Enter');
      }
      await page.waitForTimeout(250);
    }
    await deployed.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    // A taller panel shows the build's end, the release phase and the result together.
    await wb.runCommand('View: Toggle Maximized Panel').catch(() => undefined);
    await page.waitForTimeout(800);
    await wb.screenshot('deploy-build-channel');
    const text = await page.locator('.output-view, .panel').first().innerText();
    assert.match(text, /-->\sRelease\s\(v\d+\)/);
    assert.match(text, /Release\scommand\scompleted\ssuccessfully/);
    assert.match(text, /===\sDeployed\sv\d+\.\sOpen\sthe\sapp:\shttps:\/\//);
    await wb.runCommand('View: Toggle Maximized Panel').catch(() => undefined);
  });

  it('opens a terminal joined to the one-off dyno: output, then the exit status', async () => {
    const { page } = wb;
    await page.keyboard.press('Escape');
    await wb.runCommand('Heroku: Run Command…');
    let widget = await quickInput(page);
    await widget.locator('.monaco-list-row', { hasText: wb.app! }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    // The command pick: choose "Other command…", then type one.
    widget = await quickInput(page);
    await widget.locator('.monaco-list-row', { hasText: 'Other command' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.type('Other command');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: /Command to run in a one-off dyno/ }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`printf '\\033[32mhi from %s\\033[0m\\n' "$DYNO"; uname -s`);
    await page.keyboard.press('Enter');
    // Size: the app's default.
    widget = await quickInput(page);
    await widget.locator('.monaco-list-row', { hasText: 'Default' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    for (let i = 0; i < 40; i++) {
      const rows = await page.locator('.terminal-wrapper .xterm-rows, .terminal-wrapper .xterm-accessibility-tree').allInnerTexts().catch(() => []);
      if (rows.join('\n').includes('Process exited with status')) break;
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(500);
    await wb.screenshot('run-terminal');
    const tabs = await page.locator('.terminal-tabs-entry, .single-terminal-tab, .panel .tabs-container').allInnerTexts().catch(() => []);
    const rows = await page.locator('.terminal-wrapper .xterm-rows, .terminal-wrapper .xterm-accessibility-tree').allInnerTexts().catch(() => []);
    assert.ok(tabs.join(' ').includes('Heroku:') || rows.join('\n').includes('Process exited with status 0'), `tabs: ${tabs.join(' | ')}`);
  });
});
