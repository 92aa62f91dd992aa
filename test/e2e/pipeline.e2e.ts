// The pipeline diagram as a person sees it, in the real workbench: API text with XSS payloads (release
// descriptions) executes nothing and shows literally; every action is reachable from the keyboard with a visible
// focus; screenshots in dark, light and high-contrast themes; a dropped request leaves the diagram with a retry.
// A page-level hook (addInitScript, run in every frame, webviews included) records any script execution that
// is not our bundle's: alert/confirm/prompt calls, <script> or on* handlers the CSP blocked, scripts added.
import * as assert from 'node:assert';
import type { Frame, FrameLocator } from 'playwright-core';
import { launchWorkbench, type Workbench } from './harness';

// Runs in every frame before its own scripts. Our bundle (media/pipeline.js) is the only script a webview may run.
const HOOK = `(() => {
  const rec = [];
  window.__hwExec = rec;
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...a) => { rec.push(name + '(' + a.join(',') + ')'); };
  document.addEventListener('securitypolicyviolation', (e) => { rec.push('csp:' + e.violatedDirective + ':' + e.blockedURI); });
  new MutationObserver((ms) => {
    for (const m of ms) for (const n of m.addedNodes) {
      if (n.tagName === 'SCRIPT' && !String(n.src).includes('pipeline.js') && document.body && document.body.dataset.mode) rec.push('script:' + n.outerHTML.slice(0, 80));
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

const PAYLOAD = '<script>alert("xss-script")</script>"><img src=x onerror=alert("xss-img")> javascript:alert(1) </style><b>bold</b>';

describe('e2e: pipeline diagram', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let view: FrameLocator;

  const control = (path: string, method: string, body?: unknown) => fetch(`${wb.fake?.url}/__fake/${path}`, {
    method, headers: { Authorization: `Bearer ${wb.fake?.key}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const api = (path: string, method = 'GET', body?: unknown) => fetch(`${wb.fake?.url}${path}`, {
    method, headers: { Authorization: `Bearer ${wb.fake?.key}`, Accept: 'application/vnd.heroku+json; version=3', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  /** Every frame's record of script executions the hook saw (our own bundle's script is not counted). */
  async function executions(): Promise<string[]> {
    const all = await Promise.all(wb.page.frames().filter((f) => f.url().includes('webview')).map((f: Frame) => f.evaluate(() => (globalThis as unknown as { __hwExec?: string[] }).__hwExec ?? []).catch(() => [] as string[])));
    return all.flat();
  }

  before(async () => {
    wb = await launchWorkbench();
    assert.ok(wb.fake, 'the e2e workbench runs against the fake Heroku');
    await wb.page.addInitScript({ content: HOOK });
    // A release whose description is the payload, on the development app (the description is user-controlled text).
    const rels = (await (await api('/apps/acme-web-dev/releases')).json()) as { slug: { id: string } | null; current: boolean }[];
    const slug = rels.find((r) => r.current)?.slug?.id;
    assert.ok(slug, 'acme-web-dev has a slug');
    const made = await api('/apps/acme-web-dev/releases', 'POST', { slug, description: PAYLOAD });
    assert.strictEqual(made.status, 201, await made.text());
  });
  after(async () => { await wb?.close(); });

  it('the Pipelines view lists the pipeline; the palette opens its diagram; API text is literal and nothing executes', async () => {
    // The sidebar shows once the extension is known to the workbench (its commands are in the palette from then).
    const sidebar = await wb.openHerokuSidebar();
    const pane = sidebar.locator('.pane', { has: wb.page.locator('.pane-header[aria-label^="Pipelines"]') }).first();
    await pane.locator('.monaco-list-row', { hasText: 'acme-web' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await wb.screenshot('pipelines-view');
    await wb.runCommand('Heroku: Open Pipeline');
    view = wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const devCard = view.locator('article.card', { hasText: 'acme-web-dev' });
    await devCard.waitFor({ state: 'visible', timeout: 60_000 });
    const description = devCard.locator('.description');
    await description.waitFor({ state: 'visible', timeout: 30_000 });
    assert.strictEqual(await description.textContent(), PAYLOAD, 'the description is text, exactly as sent');
    assert.strictEqual(await view.locator('#root img, #root script, #root b, #root style').count(), 0, 'no element came from API text');
    await wb.page.waitForTimeout(500);
    assert.deepStrictEqual(await executions(), [], 'no script ran and none was blocked');
  });

  it('works with the keyboard alone, with a visible focus', async () => {
    const first = view.locator('article.card').first();
    await first.focus();
    const outline = async () => view.locator(':focus').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle ?? 'none');
    assert.notStrictEqual(await outline(), 'none', 'a focused card has an outline');
    // Arrow keys move between cards and columns; Tab reaches the buttons of the focused card.
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.keyboard.press('ArrowRight');
    const label = await view.locator(':focus').getAttribute('aria-label');
    assert.match(label ?? '', /acme-web-/, `focus on a card (${label})`);
    for (let i = 0; i < 12; i++) {
      const text = await view.locator(':focus').evaluate((el) => (el.tagName === 'BUTTON' ? el.textContent : '')).catch(() => '');
      if (text && /^Promote to /.test(text)) break;
      await wb.page.keyboard.press('Tab');
    }
    const button = view.locator(':focus');
    assert.match((await button.textContent()) ?? '', /^Promote to (Staging|Production)$/);
    assert.notStrictEqual(await outline(), 'none', 'a focused button has an outline');
    await wb.screenshot('pipeline-keyboard-focus');
    await wb.page.keyboard.press('Enter');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.innerText(), /Promote acme-web-\S+ v\d+/);
    await wb.screenshot('pipeline-promote-confirmation');
    await wb.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  });

  for (const [theme, file] of [['Dark Modern', 'pipeline-dark'], ['Light Modern', 'pipeline-light'], ['Dark High Contrast', 'pipeline-high-contrast']] as const) {
    it(`screenshot in ${theme}`, async () => {
      // Focus back on the workbench (a webview keeps F1 to itself), then the theme picker by its command.
      await wb.page.locator('.tabs-container .tab.active').click();
      await wb.page.keyboard.press('F1');
      const widget = wb.page.locator('.quick-input-widget');
      const box = widget.locator('input').first();
      await box.fill('>Preferences: Color Theme');
      const command = widget.locator('.quick-input-list .monaco-list-row', { has: wb.page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first();
      await command.click();
      // The picker lists the light themes first; the command palette's filtered list never shows them.
      await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await box.fill(theme);
      await widget.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await wb.page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: 30_000 });
      await wb.page.waitForTimeout(1000);
      const bg = await view.locator('body').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
      const fg = await view.locator('body').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color);
      assert.notStrictEqual(bg, fg, 'text and background differ');
      await wb.screenshot(file);
    });
  }

  it('a dropped request: the diagram keeps what it read and offers a retry that fills it in', async () => {
    await control('faults', 'POST', { method: 'GET', path: '/pipelines/*/latest-releases', drop: true, times: 20 });
    await view.locator('header.bar button', { hasText: 'Refresh' }).click();
    const failure = view.locator('.failure', { hasText: 'latest releases' });
    await failure.waitFor({ state: 'visible', timeout: 60_000 });
    assert.ok(await view.locator('article.card').count() >= 4, 'the cards stay');
    await wb.screenshot('pipeline-fault-retry');
    await control('faults', 'DELETE');
    await failure.locator('button', { hasText: 'Retry' }).click();
    await failure.waitFor({ state: 'detached', timeout: 60_000 });
    await view.locator('article.card .version').first().waitFor({ state: 'visible', timeout: 30_000 });
  });
});
