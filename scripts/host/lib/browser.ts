// Chromium (Debian's binary) driven by playwright-core, quiet and offline, with a private HOME.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './host';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launchBrowser(o: { tmp: string; width?: number; height?: number; headless?: boolean }): Promise<BrowserSession> {
  const home = join(o.tmp, 'chromium-home');
  mkdirSync(home, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: o.headless ?? true,
    args: quietFlags,
    env: { ...process.env, HOME: home } as Record<string, string>,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({ viewport: { width: o.width ?? 1440, height: o.height ?? 900 } });
    const page = await context.newPage();
    return {
      browser, context, page,
      close: async () => { await browser.close().catch(() => undefined); },
    };
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
}
