// Tour stop: "Heroku: Run Command…" from the palette: the workspace's app, a typed command, the default size, and a
// terminal joined to the one-off dyno (the fake's rendezvous runs it for real) that shows its output and exit status.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TourStop } from '../tour';
import * as ui from '../ui';

const TIMEOUT = 30_000;
const COMMAND = 'echo "hello from $DYNO"; node -v';

export const runStop: TourStop = {
  name: 'run',
  caption: 'A one-off dyno in a terminal (heroku run): its output, then its exit status',
  async run(ctx) {
    const { page } = ctx;
    const app = ctx.app ?? 'dana-blog';
    // The terminal drawn as DOM text, not on a GPU canvas, so the stop can see when the dyno's output has come.
    writeSettings(ctx.workspace, { 'terminal.integrated.gpuAcceleration': 'off' });
    const widget = page.locator('.quick-input-widget');
    const focused = (text: string | RegExp) => widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: text });
    await ui.runCommand(page, 'Heroku: Run Command…');
    await focused(app).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Other command' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await widget.locator('input').first().fill('Other command');
    await focused('Other command').waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: /Command to run in a one-off dyno/ }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await widget.locator('input').first().fill(COMMAND);
    await page.keyboard.press('Enter');
    await focused('Default').waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.part.panel .xterm-rows', { hasText: 'Process exited with status' }).first()
      .waitFor({ state: 'visible', timeout: 60_000 });
  },
};

/** Adds settings to the workspace's .vscode/settings.json (the tour's workspace is a throw-away copy). */
function writeSettings(workspace: string, settings: Record<string, unknown>): void {
  const file = join(workspace, '.vscode', 'settings.json');
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> : {};
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...current, ...settings }, null, 2)}\n`);
}
