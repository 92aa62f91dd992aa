// Log tails as a person sees them, in the real workbench against the fake Heroku's logplex: the Logs view empty with
// its Tail Logs… link; Tail Logs from the palette for the demo workspace's app, the channel coloured by the
// heroku-log grammar, the view's row live with its figures; a second tail, Stop from its row's inline action, and a
// hover on an error code (H12) in the output channel with its meaning and Dev Center link. Screenshots:
// logs-view-empty, logs-channel, logs-view, logs-hover (test/e2e/screenshots).
import * as assert from 'node:assert';
import type { Locator } from 'playwright-core';
import { launchWorkbench, type Workbench } from './harness';

describe('e2e: logs: tails, the Logs view, error-code hovers', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let sidebar: Locator;
  let pane: Locator;
  const panel = () => wb.page.locator('.part.panel');
  const channelLine = (text: string | RegExp) => panel().locator('.monaco-editor .view-line', { hasText: text });
  const logsRow = (app: string) => pane.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${app}$`) }) }).first();

  async function tailFromPalette(app: string): Promise<void> {
    await wb.runCommand('Heroku: Tail Logs');
    const widget = wb.page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: 30_000 });
    await widget.locator('input').first().fill(app);
    await widget.locator('.quick-input-list .monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${app}$`) }) }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 30_000 });
  }

  /** Waits until the Output view shows the app's channel (its picker names it). */
  async function waitForChannel(app: string): Promise<void> {
    const picker = panel().locator('select.monaco-select-box').first();
    const want = `Heroku Logs: ${app}`;
    for (const until = Date.now() + 60_000; Date.now() < until;) {
      const shown = await picker.evaluate((el) => { const s = el as unknown as { selectedIndex: number; options: { text: string }[] }; return s.options[s.selectedIndex]?.text ?? ''; }).catch(() => '');
      if (shown === want) return;
      await wb.page.waitForTimeout(250);
    }
    assert.fail(`the Output view does not show ${want}`);
  }

  before(async () => {
    wb = await launchWorkbench();
    sidebar = await wb.openHerokuSidebar();
    // The other views collapsed, so the Logs view has room.
    for (const title of ['Apps', 'Pipelines', 'Local Processes']) {
      const header = sidebar.locator(`.pane-header[aria-label^="${title}"]`).first();
      await header.waitFor({ state: 'visible', timeout: 60_000 });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const header = sidebar.locator('.pane-header[aria-label^="Logs"]').first();
    await header.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    pane = sidebar.locator('.pane', { has: wb.page.locator('.pane-header[aria-label^="Logs"]') }).first();
  });
  after(async () => { await wb?.close(); });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`logs-failed-${this.currentTest.title.slice(0, 40)}`).catch(() => undefined);
  });

  it('the Logs view, empty, offers Tail Logs…', async () => {
    await pane.getByText("Tail an app's logs into an output channel").waitFor({ state: 'visible', timeout: 60_000 });
    await pane.locator('a, .monaco-button', { hasText: 'Tail Logs…' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await wb.screenshot('logs-view-empty');
  });

  it('Tail Logs from the palette: the demo app\'s channel in colour, and its row in the Logs view', async () => {
    assert.ok(wb.app, 'the workspace names the demo app');
    await tailFromPalette(wb.app);
    await waitForChannel(wb.app);
    await channelLine(`host=${wb.app}-`).first().waitFor({ state: 'visible', timeout: 60_000 });
    await wb.runCommand('View: Toggle Maximized Panel');
    // The grammar colours the parts of a line: the spans of the visible lines have several colours.
    const colours = await panel().locator('.monaco-editor .view-line > span > span').evaluateAll((spans) => [...new Set(spans.map((s) => s.ownerDocument.defaultView?.getComputedStyle(s).color))]);
    assert.ok(colours.length >= 4, `the channel is coloured (${colours.join(', ')})`);
    const row = logsRow(wb.app);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.locator('.label-description', { hasText: /^all lines · live · [\d,]+ lines · [\d.,]+\/s$/ }).waitFor({ state: 'visible', timeout: 30_000 });
    await wb.page.mouse.move(900, 300);
    await wb.screenshot('logs-channel');
  });

  it('a second tail; Stop from its row; a hover on an H12 in its channel: the meaning and the Dev Center link', async () => {
    // The demo app's dynos idle, so it has no errors: acme-web-production's traffic has an H12 about 25 s in.
    const app = 'acme-web-production';
    await tailFromPalette(app);
    await waitForChannel(app);
    const row = logsRow(app);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    // The Output view's filter box marks the matches (for this channel it hides no line): the picture shows where.
    await panel().locator('input[placeholder^="Filter"]').first().fill('code=H12');
    const token = panel().locator('.view-line > span > span', { hasText: /^H12$/ }).first();
    await token.waitFor({ state: 'visible', timeout: 90_000 });
    await row.hover();
    await wb.screenshot('logs-view');
    await row.locator('.action-label[aria-label^="Stop Logs"]').click();
    await row.locator('.label-description', { hasText: /^all lines · stopped · [\d,]+ lines$/ }).waitFor({ state: 'visible', timeout: 30_000 });
    // The output channel is an editor: hover the code's token as a person would.
    const hover = wb.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    let text = '';
    for (let attempt = 0; attempt < 5 && !text.includes('Request timeout'); attempt++) {
      const box = await token.boundingBox();
      assert.ok(box, 'the H12 is on screen');
      await wb.page.mouse.move(5, 5);
      await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      text = await hover.waitFor({ state: 'visible', timeout: 5000 }).then(() => hover.innerText(), () => '');
    }
    assert.match(text, /H12 · Request timeout/, `the hover: ${text}`);
    assert.match(text, /Dev Center: H12 - Request timeout/);
    const link = hover.locator('a', { hasText: 'Dev Center' }).first();
    const href = (await link.getAttribute('data-href')) ?? (await link.getAttribute('href'));
    assert.strictEqual(href, 'https://devcenter.heroku.com/articles/error-codes#h12-request-timeout');
    await wb.screenshot('logs-hover');
  });
});
