// Runs an extensionTestsPath inside code-server's real extension host: code-server with the smoke-test
// driver, Chromium opening the workbench with the test payload, and the exit code the workbench reports
// through window.codeAutomationExit. Kills Chromium and code-server's process group before returning.
import { launchBrowser, type BrowserSession } from './browser';
import { startCodeServer, workbenchUrl, type CodeServer } from './code-server';
import type { VsCodeHost } from './host';

export interface RunInHostOptions {
  host: VsCodeHost;
  tmp: string;
  /** Folder the workbench opens. */
  folder: string;
  /** The extension under development (loaded from its folder). */
  developmentPath: string;
  /** A CommonJS module exporting run(): Promise<void>. */
  testsPath: string;
  env: Record<string, string | undefined>;
  /** Extra extensions (e.g. symlinked) beside the one under development. */
  extensionsDir?: string;
  timeoutMs: number;
  log: (s: string) => void;
  /** Server output (for a log file or --verbose). */
  onServerOutput?: (chunk: string) => void;
  /** Browser console and codeAutomationLog lines. */
  verbose?: boolean;
  /** Called once code-server listens (e.g. to log its URL). */
  onStarted?: (cs: CodeServer) => void;
  /** Workspace Trust on: the folder opens in Restricted Mode (see startCodeServer). */
  workspaceTrust?: boolean;
  /** User settings.json entries beside the runner's defaults. */
  settings?: Record<string, unknown>;
}

/** Resolves to the run's exit code: 0 passed, 1 failed or crashed, 124 timed out. */
export async function runInHost(o: RunInHostOptions): Promise<number> {
  let cs: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let timer: NodeJS.Timeout | undefined;
  let onExit: ((c: number | null) => void) | undefined;
  try {
    cs = await startCodeServer({ host: o.host, tmp: o.tmp, smokeDriver: true, env: o.env,
      extensionsDir: o.extensionsDir, onOutput: o.onServerOutput, workspaceTrust: o.workspaceTrust, settings: o.settings });
    o.onStarted?.(cs);
    browser = await launchBrowser({ tmp: o.tmp });
    const page = browser.page;
    const server = cs;
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(Number(code) || 0));
      timer = setTimeout(() => { o.log(`[host] TIMEOUT after ${o.timeoutMs} ms`); resolve(124); }, o.timeoutMs);
      onExit = (c) => { o.log(`[host] code-server exited early (${c})`); resolve(1); };
      server.process.once('exit', onExit);
    });
    await page.exposeFunction('codeAutomationLog', (...args: unknown[]) => {
      if (o.verbose) o.log(`[workbench] ${args.join(' ')}`);
    });
    if (o.verbose) page.on('console', (m) => o.log(`[browser ${m.type()}] ${m.text()}`));
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', cs.remoteUri(o.developmentPath)],
      ['extensionTestsPath', cs.remoteUri(o.testsPath)],
    ];
    await page.goto(workbenchUrl(cs, o.folder, payload), { waitUntil: 'commit', timeout: 60_000 });
    return await exitCode;
  } finally {
    clearTimeout(timer);
    if (onExit) cs?.process.off('exit', onExit);
    await browser?.close();
    await cs?.stop();
  }
}
