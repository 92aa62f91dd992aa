// Tour stop: an app's release timeline (heroku.showReleases from the palette; the pick offers the workspace's app).
import type { TourStop } from '../tour';
import * as ui from '../ui';

export const releasesStop: TourStop = {
  name: 'releases',
  caption: "An app's releases as a timeline: what changed, who and when, the current one, a roll back from any other",
  async run(ctx) {
    const app = ctx.app ?? 'dana-blog';
    await ui.runCommand(ctx.page, 'Heroku: Show Releases');
    const pick = ctx.page.locator('.quick-input-widget');
    await pick.locator('.quick-input-list .monaco-list-row.focused', { hasText: app }).waitFor({ state: 'visible', timeout: 30_000 });
    await ctx.page.keyboard.press('Enter');
    const view = ctx.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('ol.timeline li.release-row').nth(2).waitFor({ state: 'visible', timeout: 60_000 });
  },
};
