// Tour stop: "Heroku: Deploy…" from the palette, the workspace folder to a Node.js app of the demo account. The
// workspace's own remote app (dana-blog) has the Ruby buildpack set, so the Node.js workspace would fail to build
// there, as on Heroku; acme-web-dev is a Node.js app without a two-factor requirement.
import type { TourStop } from '../tour';
import * as ui from '../ui';

const APP = 'acme-web-dev';
const TIMEOUT = 30_000;

export const deployStop: TourStop = {
  name: 'deploy',
  caption: `Deploying the workspace: the build streams into the "Heroku Build: ${APP}" channel, then the new release`,
  async run(ctx) {
    const { page } = ctx;
    await ui.runCommand(page, 'Heroku: Deploy…');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await widget.locator('input').first().fill(APP);
    await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: APP }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    // Other tours' stops add Procfiles in sub-folders: then a folder pick follows; the workspace root is deployed.
    const folderPick = page.locator('.quick-input-widget', { hasText: `Folder to deploy to ${APP}` });
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Deploying to|Deployed/ });
    await folderPick.or(toast).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    if (await folderPick.isVisible()) {
      const root = ctx.workspace.split('/').pop() ?? '';
      await folderPick.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${root}$`) }) }).first().click();
    }
    // The build's end, then the result's notification; Monaco draws spaces as no-break spaces (\s matches both).
    await page.locator('.part.panel .output-view, .part.panel').getByText(/===\sDeployed\sv\d+/).first().waitFor({ state: 'visible', timeout: 120_000 });
    await page.locator('.notifications-toasts .notification-toast', { hasText: `Deployed ${APP}` }).waitFor({ state: 'visible', timeout: TIMEOUT });
  },
};
