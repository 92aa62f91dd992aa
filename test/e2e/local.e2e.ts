// What a person sees when running the demo Procfile locally from the palette: Heroku: Run Procfile Locally…, "All
// processes", the folder's .env; then the Local Processes view lists release.1 (done), web.1 and worker.1 running
// with their port, pid and uptime, the web row with its Open in Browser button; and Heroku: Show Combined Local
// Output shows every process's lines with a time and the process's name.
// Screenshots: local-processes.png, local-combined-output.png.
import * as assert from 'node:assert';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { treeRow } from '../../scripts/host/lib/ui';
import { launchWorkbench, settled, type Workbench } from './harness';
import { freePort } from '../support/ports';

describe('e2e: run the Procfile locally', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let port = 0;

  before(async () => {
    wb = await launchWorkbench();
    // The base port from the workspace's .env (heroku local's rule), so the run never meets a port in use.
    port = await freePort();
    appendFileSync(join(wb.workspace, '.env'), `PORT=${port}\n`);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`local-failed-${this.currentTest.title.slice(0, 30)}`).catch(() => undefined);
  });
  after(async () => {
    await wb?.runCommand('Heroku: Stop All Local Processes').catch(() => undefined);
    await wb?.close();
  });

  it('runs all processes from the palette; the Local Processes view shows them running with port, pid and uptime', async () => {
    const { page } = wb;
    await wb.runCommandWhenReady('Heroku: Run Procfile Locally…');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'All processes' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    // Signed in with the workspace's app: the environment is asked for next (.env, as heroku local, comes first).
    // Asked only once the sign-in has been read: when it is not there in a while, the run went ahead with .env.
    const envPick = page.locator('.quick-input-widget input[placeholder^="Environment for the processes"]');
    if (await envPick.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false)) {
      await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: "the folder's .env file" }).waitFor({ state: 'visible', timeout: 30_000 });
      await page.keyboard.press('Enter');
    }
    await widget.waitFor({ state: 'hidden', timeout: 30_000 });

    const sidebar = await wb.openHerokuSidebar();
    // The Apps and Pipelines views are collapsed, so Local Processes has the room.
    for (const title of ['Apps', 'Pipelines', 'Local Processes']) {
      const header = sidebar.locator('.pane-header', { hasText: new RegExp(`^${title}`) }).first();
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      if (expanded !== (title === 'Local Processes')) await header.click();
    }
    const pane = sidebar.locator('.pane', { has: page.locator('.pane-header[aria-label^="Local Processes"]') }).first();
    // A wider side bar, so each row's description (state, port, pid, uptime) reads whole: its edge is dragged.
    const box = await sidebar.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 260, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    await treeRow(pane, 'web.1').filter({ hasText: `running · :${port} · pid` }).waitFor({ state: 'visible', timeout: 60_000 });
    await treeRow(pane, 'worker.1').filter({ hasText: `running · :${port + 100} · pid` }).waitFor({ state: 'visible', timeout: 60_000 });
    await treeRow(pane, 'release.1').filter({ hasText: 'exited (code 0)' }).waitFor({ state: 'visible', timeout: 30_000 });
    const web = treeRow(pane, 'web.1');
    assert.match(await web.innerText(), new RegExp(`running · :${port} · pid \\d+ · up <1m`));
    // The pointer on web.1 brings out its inline buttons: Open in Browser (a running web process with a port) first.
    await web.hover();
    const open = web.locator('.action-label[aria-label="Open in Browser"]');
    await open.waitFor({ state: 'visible', timeout: 10_000 });
    assert.strictEqual(await treeRow(pane, 'worker.1').locator('.action-label[aria-label="Open in Browser"]').count(), 0, 'no browser for the worker');
    await settled(pane);
    // The terminal shows its new size for a moment after the drag: not in the picture.
    await page.locator('.terminal-resize-overlay.visible').waitFor({ state: 'detached', timeout: 10_000 });
    await settled(page.locator('.part.panel').first());
    await wb.screenshot('local-processes');
    // The web process answers on its port with the .env greeting.
    assert.strictEqual(await (await fetch(`http://127.0.0.1:${port}/`)).text(), 'Hello from .env\n');
  });

  it('Heroku: Show Combined Local Output shows every process\'s lines, each with a time and its name', async () => {
    const { page } = wb;
    await page.mouse.move(1000, 450);
    await wb.runCommand('Heroku: Show Combined Local Output');
    // Monaco draws spaces as no-break spaces: \s matches both.
    const output = page.locator('.output-view, .panel');
    await output.getByText(new RegExp(`\\d\\d:\\d\\d:\\d\\d\\sweb\\.1\\s+\\|\\sweb\\slistening\\son\\s${port}`)).first().waitFor({ state: 'visible', timeout: 30_000 });
    await output.getByText(/\d\d:\d\d:\d\d\sworker\.1\s\|\sworker\sheartbeat\s\d+/).first().waitFor({ state: 'visible', timeout: 30_000 });
    await settled(page.locator('.part.panel').first());
    await wb.screenshot('local-combined-output');
    assert.ok(await output.getByText(/release\.1\s\|\s\[exited\swith\scode\s0\]/).count() >= 1, 'the release phase\'s exit is there');
  });
});
