// What a person sees: an app.json with mistakes shows squiggles and Problems-view entries (ours and the JSON
// schema's), a new app.json offers Heroku's keys as completions, and a hover on a heroku.yml key explains it.
// Screenshots: manifest-app-json.png, manifest-app-json-completions.png, manifest-heroku-yml.png.
import * as assert from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWorkbench, settled, type Workbench } from './harness';

const APP_JSON = `{
  "name": "manifest demo",
  "stack": "heroku-18",
  "formation": {
    "web": { "quantity": 1, "size": "Hobby" },
    "wrker": { "quantity": 1 }
  },
  "env": {
    "DEBUG": true,
    "SECRET": { "generator": "uuid" }
  },
  "addons": ["heroku postgresql"],
  "environments": { "production": {} }
}
`;

describe('e2e: app.json and heroku.yml', function () {
  this.timeout(240_000);
  let wb: Workbench;

  before(async () => {
    wb = await launchWorkbench();
    const dir = join(wb.workspace, 'manifest-demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app.json'), APP_JSON);
    writeFileSync(join(dir, 'Procfile'), 'web: node server.js\nworker: node worker.js\n');
    mkdirSync(join(wb.workspace, 'manifest-new'), { recursive: true });
    writeFileSync(join(wb.workspace, 'manifest-new', 'app.json'), '{\n  "\n}\n');
  });
  after(async () => { await wb?.close(); });

  it('shows app.json problems in the editor and the Problems view', async () => {
    await wb.openFile('manifest-demo/app.json');
    await wb.runCommand('Problems: Focus on Problems View');
    const panel = wb.page.locator('.part.panel');
    const codes = ['appjson/formation-not-in-procfile', 'appjson/env-generator', 'appjson/deprecated-stack', 'appjson/deprecated-size', 'appjson/addon-plan-format'];
    for (const code of codes) await panel.getByText(code, { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await panel.getByText('Incorrect type', { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await settled(panel);
    await wb.screenshot('manifest-app-json');
    const text = await panel.innerText();
    for (const code of codes) assert.ok(text.includes(code), `${code} is not in the Problems view`);
  });

  it('offers Heroku\'s keys in a new app.json', async () => {
    await wb.openFile('manifest-new/app.json');
    const crumbs = wb.page.locator('.part.editor .editor-group-container.active .breadcrumbs-control');
    assert.match(await crumbs.innerText(), /manifest-new/);
    // The cursor goes inside the empty key on line 2 (a click gives the editor the focus), then completion is asked for.
    const editor = wb.page.locator('.part.editor .editor-group-container.active .editor-instance .monaco-editor').filter({ visible: true }).first();
    await editor.locator('.view-line').nth(1).click();
    await wb.page.keyboard.press('End');
    const widget = wb.page.locator('.suggest-widget.visible');
    const row = widget.locator('.monaco-list-row', { hasText: 'formation' }).first();
    // Ask again until the JSON language service (schema loaded) answers; word-based suggestions may come first.
    for (let i = 0; i < 8 && !(await row.isVisible()); i++) {
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('Control+Space');
      await row.waitFor({ state: 'visible', timeout: 5000 }).catch(() => undefined);
    }
    try {
      await row.waitFor({ state: 'visible', timeout: 5000 });
    } catch (err) {
      await wb.screenshot('manifest-app-json-completions-failed');
      throw err;
    }
    await settled(widget);
    await wb.screenshot('manifest-app-json-completions');
    const text = await widget.innerText();
    for (const key of ['env', 'formation', 'name']) assert.ok(text.includes(key), `${key} is offered: ${text}`);
    await wb.page.keyboard.press('Escape');
    // Leave the tabs as they were: a hover test aims the mouse across them.
    await wb.runCommand('View: Close Editor');
  });

  it('explains a heroku.yml key on hover', async () => {
    await wb.openFile('heroku.yml');
    const text = await wb.hover('release');
    await wb.screenshot('manifest-heroku-yml');
    assert.match(text, /release phase/);
  });
});
