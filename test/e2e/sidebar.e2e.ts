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
    const body = pane.locator('.pane-body');
    await body.waitFor({ state: 'visible', timeout: 30_000 });
    // Signed in to the fake (the harness default), the tree loads and lists the workspace's app; the
    // welcome content may flash before the extension has activated, so it is not the end state.
    const content = wb.fake && wb.app
      ? body.locator('.monaco-list-row', { hasText: wb.app }).first()
      : body.locator('.welcome-view-content').first();
    try {
      await content.waitFor({ state: 'visible', timeout: 60_000 });
    } finally {
      await wb.page.waitForTimeout(500);
      await wb.screenshot('sidebar');
    }
    assert.match(await sidebar.locator('.composite.title').first().innerText(), /heroku/i);
    assert.ok((await body.innerText()).trim().length > 0, 'the Apps view is empty');
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
