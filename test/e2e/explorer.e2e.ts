// The Heroku explorer as a person sees it: signed in to the fake, the tree lists the workspace app and every
// app grouped by owner; expanding an app shows its sections, dynos with state icons and masked config vars.
import * as assert from 'node:assert';
import type { Locator } from 'playwright-core';
import { FakeControl } from '../support/fake-control';
import { launchWorkbench, settled, type Workbench } from './harness';

describe('e2e: Heroku explorer', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let tree: Locator;

  const row = (label: string): Locator => tree.locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  async function expand(label: string): Promise<void> {
    const r = row(label);
    await r.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
    await wb.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await r.elementHandle(), { timeout: 30_000 });
  }

  before(async () => {
    wb = await launchWorkbench();
    const sidebar = await wb.openHerokuSidebar();
    tree = sidebar.locator('.pane', { has: wb.page.locator('.pane-header[aria-label^="Apps"]') }).first();
    // The Pipelines, Local Processes and Logs views share the container: collapsed, they leave the Apps tree the
    // height the expanded app needs (a list row scrolled out of view is not in the DOM).
    for (const title of ['Pipelines', 'Local Processes', 'Logs']) {
      const header = sidebar.locator(`.pane-header[aria-label^="${title}"]`).first();
      await header.waitFor({ state: 'visible', timeout: 60_000 });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
      await wb.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'false', await header.elementHandle(), { timeout: 30_000 });
    }
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`explorer-failed-${this.currentTest.title.slice(0, 40)}`).catch(() => undefined);
  });
  after(async () => { await wb?.close(); });

  it('lists the workspace app and all apps grouped Personal / team', async () => {
    await row('All apps').waitFor({ state: 'visible', timeout: 60_000 });
    await row('Personal').waitFor({ state: 'visible', timeout: 30_000 });
    await row('dana-blog').waitFor({ state: 'visible', timeout: 30_000 });
    await expand('acme');
    await row('acme-api').waitFor({ state: 'visible', timeout: 30_000 });
    // The e2e workspace always has a `heroku` git remote (harness: a copy of the demo workspace, the fake's app).
    assert.ok(wb.app, 'the harness gave the workspace a heroku remote');
    await row(wb.app).waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await tree.locator('.monaco-list-row', { hasText: wb.app }).count() >= 2, `workspace app ${wb.app} under This workspace and All apps`);
    const text = await tree.innerText();
    assert.match(text, /This workspace/);
    assert.match(text, /maintenance/, 'dana-blog shows maintenance mode in its description');
  });

  it('expands an app: dynos with states, config vars masked; screenshot', async () => {
    await expand('acme-api');
    await expand('Dynos');
    await row('web.1').waitFor({ state: 'visible', timeout: 30_000 });
    const dynoText = await tree.innerText();
    assert.match(dynoText, /crashed/);
    assert.ok(await tree.locator('.codicon-error').count() >= 1, 'a crashed dyno shows the error icon');
    await expand('Config Vars');
    await row('RUST_LOG').waitFor({ state: 'visible', timeout: 30_000 });
    await expand('Releases');
    await tree.locator('.monaco-list-row', { hasText: 'current' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Away from the tree, so no hover covers it in the screenshot.
    await wb.page.mouse.move(1000, 450);
    await wb.page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 30_000 });
    await tree.locator('.monaco-list-row', { hasText: '••••••••' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await tree.innerText(), /••••••••/, 'config values are masked');
    await settled(tree);
    await wb.screenshot('explorer-expanded');
  });

  it('restart from the context menu: a modal first, then a notification whose Cancel stops the wait', async () => {
    const app = wb.app;
    assert.ok(app && wb.fake);
    const control = new FakeControl(wb.fake.url, wb.fake.key);
    await control.addFaults({ method: 'DELETE', path: `/apps/${app}/dynos`, delayMs: 30_000, times: 1 });
    await row(app).click({ button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    // VS Code's menus ignore a click that comes right after they open: hover the item, then Enter, as from the keyboard.
    await menu.locator('.action-label', { hasText: /^Restart All Dynos$/ }).hover({ timeout: 30_000 });
    await wb.page.keyboard.press('Enter');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.innerText(), new RegExp(`Restart all dynos of ${app}\\?`));
    await dialog.locator('.monaco-button', { hasText: /^Restart$/ }).click();
    const toast = wb.page.locator('.notification-toast', { hasText: `Restarting all dynos of ${app}…`, hasNotText: 'Cancelled' }).first();
    const cancel = toast.locator('.monaco-button', { hasText: /^Cancel$/ });
    await cancel.waitFor({ state: 'visible', timeout: 30_000 });
    await settled(toast); // the toast fades in
    await wb.screenshot('explorer-progress-cancellable');
    await cancel.click();
    await wb.page.locator('.notification-toast', { hasText: `Cancelled: Restarting all dynos of ${app}.` }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await toast.waitFor({ state: 'hidden', timeout: 30_000 });
    const seen = await control.requests();
    assert.ok(seen.some((r) => r.method === 'DELETE' && r.path === `/apps/${app}/dynos`), 'the restart was sent before the cancel');
  });

  it('a failed refresh keeps the app list under a node that says why; the next good one drops it; screenshot', async () => {
    assert.ok(wb.fake);
    const control = new FakeControl(wb.fake.url, wb.fake.key);
    const header = wb.page.locator('.pane-header[aria-label^="Apps"]').first();
    const refresh = async (): Promise<void> => {
      await header.hover();
      await header.locator('.action-label[aria-label="Refresh"]').click({ timeout: 30_000 });
    };
    const notice = tree.locator('.monaco-list-row', { hasText: 'Could not refresh the app list' }).first();
    await control.addFaults({ method: 'GET', path: '/apps', status: 503, errorId: 'service_unavailable' });
    try {
      await refresh();
      await notice.waitFor({ state: 'visible', timeout: 60_000 });
      assert.ok(await notice.locator('.codicon-error').count() === 1, 'the notice has the error icon');
      await row('Personal').waitFor({ state: 'visible', timeout: 30_000 });
      await wb.page.mouse.move(1000, 450);
      await settled(tree);
      await wb.screenshot('explorer-list-kept');
    } finally {
      await control.clearFaults();
    }
    await refresh();
    await notice.waitFor({ state: 'hidden', timeout: 60_000 });
    await row('Personal').waitFor({ state: 'visible', timeout: 30_000 });
  });
});
