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
    // Earlier stops add a Procfile in a sub-folder: then a folder pick follows (its title is the input's placeholder);
    // the workspace root, listed first, is the one deployed.
    const folderPick = page.locator('.quick-input-widget input[placeholder^="Folder to deploy"]');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Deploying to|Deployed/ });
    await folderPick.or(toast).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    if (await folderPick.isVisible()) {
      const root = ctx.workspace.split('/').pop() ?? '';
      await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: root }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
    }
    // The build's end, then the result's notification; Monaco draws spaces as no-break spaces (\s matches both).
    await page.locator('.part.panel .output-view, .part.panel').getByText(/===\sDeployed\sv\d+/).first().waitFor({ state: 'visible', timeout: 120_000 });
    await page.locator('.notifications-toasts .notification-toast', { hasText: `Deployed ${APP}` }).waitFor({ state: 'visible', timeout: TIMEOUT });
  },
};
