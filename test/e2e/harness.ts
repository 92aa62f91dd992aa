// e2e harness: a real VS Code workbench (code-server) in Chromium 1440x900, with the fake Heroku and
// the extension installed, and helpers that act as a person would. One workbench per launch; close()
// kills code-server's process group, Chromium and the fake, and deletes the temp folder; it throws when the
// fake recorded answers that do not match the Platform API schema (its self-check).
//
//   const wb = await launchWorkbench();            // demo workspace copy, signed in to the fake
//   await wb.runCommand('Heroku: Show Account');
//   await wb.screenshot('account');                // test/e2e/screenshots/account.png (git-ignored)
//   await wb.close();
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../../scripts/host/lib/browser';
import { repoRoot } from '../../scripts/host/lib/host';
import { readViolations } from '../../scripts/host/lib/fake';
import * as ui from '../../scripts/host/lib/ui';
import { startWorkbenchServer, type WorkbenchServer, type WorkbenchServerOptions } from '../../scripts/host/lib/workbench';

export const screenshotDir = join(repoRoot, 'test', 'e2e', 'screenshots');

/**
 * Resolves once the element's finite CSS animations and transitions (a toast fading in, a list scrolling) are over.
 * Endless ones (a spinning icon, a progress bar) are not waited for.
 */
export async function settled(target: Locator): Promise<void> {
  type Anim = { finished: Promise<unknown>; effect: { getComputedTiming(): { endTime?: number | string } } | null };
  await target.evaluate((el) => {
    const animated = el as unknown as { getAnimations(o: { subtree: boolean }): Anim[] };
    const finite = animated.getAnimations({ subtree: true }).filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    return Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

export interface LaunchOptions {
  /** A folder to open (absolute or relative to the repo); default: a fresh copy of test/fixtures/workspace. */
  workspace?: string;
  /** Extra environment for the extension host. */
  env?: Record<string, string | undefined>;
  /** HEROKU_API_KEY = the fake's key in the extension host (default true). */
  signedIn?: boolean;
  /** User settings.json entries. */
  settings?: Record<string, unknown>;
}

export interface Workbench {
  page: Page;
  /** The folder the workbench has open. */
  workspace: string;
  /** The app the workspace's `heroku` git remote points at. */
  app: string | undefined;
  /** The fake Heroku (control endpoints under `${url}/__fake/`); undefined until scripts/fake-heroku.ts exists. */
  fake: { url: string; key: string } | undefined;
  runCommand(paletteTitle: string): Promise<void>;
  /** runCommand, asked again a few times: right after start the palette may not list the extension's commands yet. */
  runCommandWhenReady(paletteTitle: string): Promise<void>;
  openFile(relativePath: string): Promise<void>;
  /** Hovers `text` in the active editor and returns the hover's text. */
  hover(text: string): Promise<string>;
  /** Opens the Heroku activity-bar container; returns the sidebar locator. */
  openHerokuSidebar(): ReturnType<typeof ui.openHerokuSidebar>;
  /** Writes test/e2e/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchWorkbench(o: LaunchOptions = {}): Promise<Workbench> {
  let server: WorkbenchServer | undefined;
  let browser: BrowserSession | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
  };
  try {
    const options: WorkbenchServerOptions = { workspace: o.workspace, env: o.env, signedIn: o.signedIn, settings: o.settings };
    if (process.env.HW_VERBOSE) options.onServerOutput = (c) => process.stderr.write(c);
    server = await startWorkbenchServer(options);
    browser = await launchBrowser({ tmp: server.tmp, width: 1440, height: 900 });
    const page = browser.page;
    await page.goto(server.url);
    await ui.waitForWorkbench(page);
    return {
      page,
      workspace: server.workspace,
      app: server.app,
      fake: server.fake,
      runCommand: (title) => ui.runCommand(page, title),
      runCommandWhenReady: async (title) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await ui.runCommand(page, title);
          } catch (err) {
            if (attempt >= 5) throw err;
            await page.waitForTimeout(2000);
          }
        }
      },
      openFile: (p) => ui.openFile(page, p),
      hover: (text) => ui.hover(page, text),
      openHerokuSidebar: () => ui.openHerokuSidebar(page),
      // The fake validates its own answers against the Platform API schema: a violation fails the spec's after().
      close: async () => {
        const fake = server?.fake;
        const report = fake ? await readViolations({ url: fake.url, apiKey: fake.key }).catch(() => undefined) : undefined;
        await close();
        if (report && report.count > 0) {
          throw new Error(`the fake Heroku sent ${report.count} answer(s) that do not match the Platform API schema:\n${report.lines.join('\n')}`);
        }
      },
      screenshot: async (name) => {
        mkdirSync(screenshotDir, { recursive: true });
        const path = join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
        await page.screenshot({ path });
        return path;
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}
