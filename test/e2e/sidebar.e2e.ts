// The Heroku activity-bar container opens and shows the explorer ("Apps") view.
import * as assert from 'node:assert';
import { launchWorkbench, settled, type Workbench } from './harness';

describe('e2e: Heroku sidebar', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => { wb = await launchWorkbench(); });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`sidebar-failed-${this.currentTest.title.slice(0, 40)}`).catch(() => undefined);
  });
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
      await settled(sidebar);
    } finally {
      await wb.screenshot('sidebar');
    }
    assert.match(await sidebar.locator('.composite.title').first().innerText(), /heroku/i);
    assert.ok((await body.innerText()).trim().length > 0, 'the Apps view is empty');
  });

  it('runs a command from the palette: Show Extension Log opens the Output panel on our channel', async () => {
    await wb.runCommand('Heroku: Show Extension Log');
    const panel = wb.page.locator('.part.panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    // The channel shown is the extension's own log: the lines in view (its end) are ours (sign-in, the workspace scan).
    // (\s: the editor draws spaces as no-break spaces.)
    const ours = /\[info\]\s(started\s[\d.]+\sms\safter\sactivation|Heroku:\ssigned\s(in|out)|(app\.json|procfile|heroku\.yml):\slinted\s\d+\sworkspace\sfile)/;
    const line = panel.locator('.view-line', { hasText: ours }).first();
    await line.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await line.innerText(), ours);
  });

  it('opens a workspace file and hovers in it: the app.json schema explains "stack"', async () => {
    await wb.openFile('app.json');
    const text = await wb.hover('"stack"');
    await wb.screenshot('hover-app-json');
    assert.match(text, /stack/i, `the hover explains the key: ${text}`);
    assert.match(text, /heroku-\d+|container/i, `the hover names a stack: ${text}`);
  });
});
