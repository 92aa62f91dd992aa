// `npm run sandbox [-- --screenshot FILE] [--exit] [--port N]`: the real VS Code (code-server) with the
// extension installed, a copy of the demo workspace, and the fake Heroku seeded with the demo data,
// signed in (HEROKU_API_KEY/HEROKU_API_URL = the fake's). Ctrl-C / SIGTERM stops everything.
//   --screenshot FILE  open the workbench in headless Chromium, show the Heroku sidebar, wait for the
//                      tree to list the workspace's app, write FILE (PNG)
//   --tour DIR         walk through every feature (scripts/host/lib/tour.ts) and write one picture per stop into DIR
//   --exit             stop after the screenshot or tour (exit 0 when the tree loaded and every stop worked)
import { resolve } from 'node:path';
import { launchBrowser } from './lib/browser';
import { onTerminate } from './lib/procs';
import { runTour } from './lib/tour';
import { openHerokuSidebar, waitForWorkbench } from './lib/ui';
import { startWorkbenchServer, type WorkbenchServer } from './lib/workbench';

const log = (s: string): void => { process.stderr.write(`${s}\n`); };

interface Args { screenshot?: string; tour?: string; exit: boolean; port?: number }

function parseArgs(argv: string[]): Args {
  const a: Args = { exit: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--screenshot') a.screenshot = resolve(process.env.INIT_CWD ?? process.cwd(), argv[++i] ?? 'sandbox.png');
    else if (arg === '--tour') a.tour = resolve(process.env.INIT_CWD ?? process.cwd(), argv[++i] ?? 'tour');
    else if (arg === '--exit') a.exit = true;
    else if (arg === '--port') a.port = Number(argv[++i]);
    else throw new Error(`unknown option ${arg} (use --screenshot FILE, --tour DIR, --exit, --port N)`);
  }
  return a;
}

/** Shows the Heroku sidebar, waits for the tree to list `app` (or any row), writes the picture. */
async function takeScreenshot(server: WorkbenchServer, file: string): Promise<boolean> {
  const browser = await launchBrowser({ tmp: server.tmp, width: 1440, height: 900 });
  try {
    const page = browser.page;
    await page.goto(server.url);
    await waitForWorkbench(page);
    const sidebar = await openHerokuSidebar(page);
    const row = sidebar.locator('.monaco-list-row', server.app ? { hasText: server.app } : {}).first();
    let loaded = true;
    try {
      await row.waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForTimeout(1000); // let the icons and descriptions settle
    } catch {
      loaded = false;
      log(`[sandbox] the Heroku tree did not list ${server.app ?? 'any app'} within 60 s`);
    }
    await page.mouse.move(900, 700); // no tooltip over the picture
    await page.waitForTimeout(800);
    await page.screenshot({ path: file });
    log(`[sandbox] screenshot written to ${file}`);
    return loaded;
  } finally {
    await browser.close();
  }
}

/** The tour (every feature, one picture each) in a browser of its own. */
async function tour(server: WorkbenchServer, dir: string): Promise<boolean> {
  const browser = await launchBrowser({ tmp: server.tmp, width: 1440, height: 900 });
  try {
    const page = browser.page;
    await page.goto(server.url);
    await waitForWorkbench(page);
    const { written, failed } = await runTour({ page, workspace: server.workspace, app: server.app, log }, dir);
    log(`[sandbox] tour: ${written.length} pictures in ${dir}${failed.length ? `; failed stops: ${failed.join(', ')}` : ''}`);
    return failed.length === 0;
  } finally {
    await browser.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  let server: WorkbenchServer | undefined;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('[sandbox] stopping');
    await server?.close();
  };
  onTerminate(stop);
  try {
    server = await startWorkbenchServer({ signedIn: true, seed: 'demo', port: args.port, log });
    if (!server.fake) log('[sandbox] WARNING: no fake Heroku (scripts/fake-heroku.ts missing): not signed in');
    process.stdout.write([
      '',
      `  Heroku Workflows sandbox`,
      `  open:       ${server.url}`,
      `  workspace:  ${server.workspace}${server.app ? `  (git remote heroku -> ${server.app})` : ''}`,
      `  fake API:   ${server.fake?.url ?? '(none)'}  (signed in as the demo account)`,
      `  stop:       Ctrl-C`,
      '',
    ].join('\n') + '\n');
    let ok = true;
    if (args.screenshot) ok = await takeScreenshot(server, args.screenshot);
    if (args.tour) ok = (await tour(server, args.tour)) && ok;
    if (args.exit) {
      await stop();
      return ok ? 0 : 1;
    }
    // Serve until a signal (onTerminate stops everything and exits) or until code-server dies.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const code = await new Promise<number | null>((r) => server?.codeServer.process.once('exit', r));
    clearInterval(keepAlive);
    if (stopping) return 0;
    log(`[sandbox] code-server exited (${code})`);
    await stop();
    return 1;
  } catch (err) {
    log(`[sandbox] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    await stop();
    return 1;
  }
}
