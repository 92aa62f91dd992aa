// The Heroku explorer as a person sees it: signed in to the fake, the tree lists the workspace app and every
// app grouped by owner; expanding an app shows its sections, dynos with state icons and masked config vars.
import * as assert from 'node:assert';
import type { Locator } from 'playwright-core';
import { launchWorkbench, type Workbench } from './harness';

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
  });
  after(async () => { await wb?.close(); });

  it('lists the workspace app and all apps grouped Personal / team', async () => {
    await row('All apps').waitFor({ state: 'visible', timeout: 60_000 });
    await row('Personal').waitFor({ state: 'visible', timeout: 30_000 });
    await row('dana-blog').waitFor({ state: 'visible', timeout: 30_000 });
    await expand('acme');
    await row('acme-api').waitFor({ state: 'visible', timeout: 30_000 });
    if (wb.app) assert.ok(await tree.locator('.monaco-list-row', { hasText: wb.app }).count() >= 1, `workspace app ${wb.app} shown`);
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
    await wb.page.mouse.move(1000, 450);
    await wb.page.waitForTimeout(800);
    const text = await tree.innerText();
    assert.match(text, /••••••••/, 'config values are masked');
    await wb.screenshot('explorer-expanded');
  });
});
