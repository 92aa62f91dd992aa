// What a person sees in a Procfile: coloured tokens, squiggles under the problems, a hover that explains the fixed
// port (diagnostic) and the process type, and the formation CodeLens of the workspace app (signed in to the fake).
// Screenshots: procfile-squiggles-hover.png, procfile-type-hover.png, procfile-codelens.png.
import * as assert from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWorkbench, type Workbench } from './harness';

const PROCFILE = [
  '# heroku-lint-disable-next-line heroku-local-name',
  'web: bundle exec rails server -p 3000',
  'worker : bundle exec sidekiq',
  'release: rake db:migrate &&',
  'clock: node clock.js --port ${CLOCK_PORT:-5000}',
  '',
].join('\n');

describe('e2e: Procfile squiggles and hover', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await launchWorkbench();
    mkdirSync(join(wb.workspace, 'procfile-e2e'), { recursive: true });
    writeFileSync(join(wb.workspace, 'procfile-e2e', 'Procfile'), PROCFILE);
  });
  after(async () => { await wb?.close(); });

  it('shows the workspace app\'s formation above each process type', async () => {
    // First, before procfile-e2e/Procfile is opened: quick open then picks the root Procfile, the app's.
    await wb.openFile('Procfile');
    const lenses = wb.page.locator('.editor-instance .monaco-editor .codelens-decoration');
    await lenses.first().waitFor({ state: 'attached', timeout: 60_000 });
    const titles = await lenses.allInnerTexts();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('procfile-codelens');
    assert.ok(titles.some((t) => new RegExp(`^[\\w-]+: \\d+ × \\S+ on ${wb.app}`).test(t)), titles.join(' | '));
  });

  it('shows squiggles for the problems and a hover explaining the fixed port', async () => {
    await wb.openFile('procfile-e2e/Procfile');
    const squiggles = wb.page.locator('.editor-instance .monaco-editor .squiggly-error');
    await squiggles.first().waitFor({ state: 'attached', timeout: 60_000 });
    for (let i = 0; i < 60 && (await squiggles.count()) < 3; i++) await wb.page.waitForTimeout(500);
    const text = await wb.hover('3000');
    await wb.page.waitForTimeout(500);
    await wb.screenshot('procfile-squiggles-hover');
    assert.match(text, /R10/);
    assert.match(text, /procfile\/fixed-port/);
    assert.ok((await squiggles.count()) >= 3, `squiggles: ${await squiggles.count()}`);
  });

  it('hovering a process type explains it', async () => {
    await wb.page.mouse.move(1200, 800);
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForTimeout(300);
    const text = await wb.hover('clock');
    await wb.page.waitForTimeout(300);
    await wb.screenshot('procfile-type-hover');
    assert.match(text, /scheduler/i);
  });
});
