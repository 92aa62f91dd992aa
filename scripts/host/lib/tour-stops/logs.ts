// Tour stop: "Heroku: Tail Logs" from the palette on the workspace's app (first in the pick): its output channel
// in the panel, the heroku-log grammar colouring router lines (status, timings, paths) and dyno output, and the
// status bar item of the running tail (left running: the picture is taken live).
import type { TourStop } from '../tour';
import * as ui from '../ui';

export const logsStop: TourStop = {
  name: 'logs',
  caption: "Tail Logs: the app's log in its own output channel, router lines coloured by status and speed",
  async run(ctx) {
    const { page } = ctx;
    await ui.setPaneExpanded(page, 'Logs', true); // the Logs view's row beside the channel
    await ui.runCommand(page, 'Heroku: Tail Logs');
    const pick = page.locator('.quick-input-widget');
    await pick.waitFor({ state: 'visible', timeout: 30_000 });
    const first = pick.locator('.quick-input-list .monaco-list-row', { hasText: ctx.app ?? '' }).first();
    await first.waitFor({ state: 'visible', timeout: 30_000 });
    await first.click();
    const output = page.locator('.part.panel .monaco-editor .view-lines');
    // Only the lines in view are rendered: two router lines, and a status token the grammar coloured on its own.
    await output.locator('.view-line', { hasText: 'heroku[router]' }).nth(1).waitFor({ state: 'visible', timeout: 60_000 });
    await output.locator('.view-line span[class*="mtk"]', { hasText: /^[2-5]\d\d$/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.mouse.move(1200, 300);
  },
};
