// Tour stop: the Procfile run locally. A click on "Run all locally" above the Procfile's first line runs the
// release phase, then web and worker, each in its own terminal; the Local Processes view lists them with their
// state, port, pid and uptime (the pointer on worker.1 shows its Restart and Stop buttons), and web's terminal its output.
import type { TourStop } from '../tour';
import * as ui from '../ui';

export const localStop: TourStop = {
  name: 'local-run',
  caption: 'Run the Procfile locally: one terminal per process, and the Local Processes view with state, port, pid, uptime and restarts',
  async run(ctx) {
    const { page } = ctx;
    await ui.openFile(page, 'Procfile');
    const lens = ui.editorLocator(page, '.codelens-decoration a').filter({ hasText: 'Run all locally' }).first();
    await lens.waitFor({ state: 'visible', timeout: 60_000 });
    await lens.click();
    const sidebar = await ui.openHerokuSidebar(page);
    const pane = sidebar.locator('.pane', { has: page.locator('.pane-header[aria-label^="Local Processes"]') }).first();
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const step = async (what: string, wait: Promise<unknown>) => {
      try {
        await wait;
      } catch (err) {
        throw new Error(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
    };
    for (const name of ['web.1', 'worker.1']) {
      await step(`${name} running in the view`, ui.treeRow(pane, name).filter({ hasText: 'running' }).waitFor({ state: 'visible', timeout: 60_000 }));
    }
    await step('release.1 done in the view', ui.treeRow(pane, 'release.1').filter({ hasText: 'exited (code 0)' }).waitFor({ state: 'visible', timeout: 30_000 }));
    // web.1's terminal is in front (the command shows it): wait until its first line is drawn (when the renderer
    // puts text in the DOM; a canvas renderer does not, and the picture is taken anyway).
    for (let i = 0; i < 40; i++) {
      const rows = await page.locator('.terminal-wrapper .xterm-rows, .terminal-wrapper .xterm-accessibility-tree').allInnerTexts().catch(() => []);
      if (rows.join('\n').includes('web listening on')) break;
      await page.waitForTimeout(250);
    }
    // The pointer on the last row brings out its inline Restart and Stop buttons (its tooltip opens below it).
    await ui.treeRow(pane, 'worker.1').hover();
    await pane.locator('.monaco-list-row.selected, .monaco-list-row:hover').locator('.action-label').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  },
};
