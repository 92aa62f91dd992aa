// The Heroku activity-bar container opens and shows the explorer ("Apps") view.
import * as assert from 'node:assert';
import { launchWorkbench, type Workbench } from './harness';

describe('e2e: Heroku sidebar', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => { wb = await launchWorkbench(); });
  after(async () => { await wb?.close(); });

  it('opens the Heroku container with the Apps view', async () => {
    const sidebar = await wb.openHerokuSidebar();
    // A container with a single view hides that view's header; its pane (and body) are still there.
    const pane = sidebar.locator('.pane', { has: wb.page.locator('.pane-header[aria-label^="Apps"]') }).first();
    await pane.locator('.pane-body').waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.waitForTimeout(1500); // let the view render for the picture
    await wb.screenshot('sidebar');
    assert.match(await sidebar.locator('.composite.title').first().innerText(), /heroku/i);
    const body = await pane.locator('.pane-body').innerText();
    assert.ok(body.trim().length > 0, 'the Apps view is empty: no tree and no welcome content');
  });

  it('runs a command from the palette (harness runCommand)', async () => {
    await wb.runCommand('Heroku: Show Extension Log');
    const panel = wb.page.locator('.part.panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.locator('.part.panel .monaco-select-box, .part.panel [aria-label*="Output"]').first()
      .waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('opens a workspace file and hovers in it (harness openFile, hover)', async () => {
    await wb.openFile('app.json');
    const text = await wb.hover('"stack"');
    await wb.screenshot('hover-app-json');
    assert.ok(text.length > 0, 'the hover is empty');
  });
});
