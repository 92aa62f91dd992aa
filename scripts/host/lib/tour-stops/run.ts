// Tour stop: "Heroku: Run Command…" from the palette: the workspace's app, a typed command, the default size, and a
// terminal joined to the one-off dyno (the fake's rendezvous runs it for real) that shows its output and exit status.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TourContext, TourStop } from '../tour';
import * as ui from '../ui';

const TIMEOUT = 30_000;

/** A one-off dyno from the palette on `appOf(ctx)`: picks it (typing its name when it is not the first row), a typed
 *  command, the default size; waits for the exit status in the terminal. */
function oneOffStop(name: string, caption: string, appOf: (ctx: TourContext) => string, command: string): TourStop {
  return {
    name,
    caption,
    async run(ctx) {
      const { page } = ctx;
      const app = appOf(ctx);
      // The terminal drawn as DOM text, not on a GPU canvas, so the stop can see when the dyno's output has come.
      writeSettings(ctx.workspace, { 'terminal.integrated.gpuAcceleration': 'off' });
      const widget = page.locator('.quick-input-widget');
      const focused = (text: string | RegExp) => widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: text });
      await ui.runCommand(page, 'Heroku: Run Command…');
      await widget.locator('.quick-input-list .monaco-list-row', { hasText: app }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await widget.locator('input').first().fill(app);
      await focused(app).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Other command' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await widget.locator('input').first().fill('Other command');
      await focused('Other command').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: /Command to run in a one-off dyno/ }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await widget.locator('input').first().fill(command);
      await page.keyboard.press('Enter');
      await focused('Default').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.part.panel .xterm-rows', { hasText: 'Process exited with status' }).first()
        .waitFor({ state: 'visible', timeout: 60_000 });
    },
  };
}

export const runStop = oneOffStop('run', 'A one-off dyno in a terminal (heroku run): its output, then its exit status',
  (ctx) => ctx.app ?? 'dana-blog', 'echo "hello from $DYNO"; node -v');

/** The demo world's Fir app: the same command joins the dyno over Heroku's SSH tunnel with the machine's ssh. */
export const runFirStop = oneOffStop('run-fir', 'A one-off dyno on a Fir app: the same terminal, joined over the SSH tunnel',
  () => 'dana-fir', 'echo "hello from $DYNO on Fir"; exit 3');

/** Adds settings to the workspace's .vscode/settings.json (the tour's workspace is a throw-away copy). */
function writeSettings(workspace: string, settings: Record<string, unknown>): void {
  const file = join(workspace, '.vscode', 'settings.json');
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> : {};
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...current, ...settings }, null, 2)}\n`);
}
