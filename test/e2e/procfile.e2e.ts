// What a person sees in a Procfile: coloured tokens, squiggles under the problems, a hover that explains the fixed
// port (diagnostic) and the process type, and the formation CodeLens of the workspace app (signed in to the fake).
// Screenshots: procfile-squiggles-hover.png, procfile-type-hover.png, procfile-codelens.png.
import * as assert from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWorkbench, settled, type Workbench } from './harness';

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
    // The formation's lenses (the "Run on Heroku" lens beside them needs no request and can come first).
    await lenses.filter({ hasText: ` on ${wb.app}` }).first().waitFor({ state: 'attached', timeout: 60_000 });
    // One decoration per line holds every lens of that line ("Run on Heroku | web: 1 × eco on APP"): one title each.
    const titles = (await lenses.allInnerTexts()).flatMap((t) => t.split('|').map((s) => s.trim()));
    await settled(wb.page.locator('.editor-instance').first());
    await wb.screenshot('procfile-codelens');
    assert.ok(titles.some((t) => new RegExp(`^[\\w-]+: \\d+ × \\S+ on ${wb.app}`).test(t)), titles.join(' | '));
  });

  it('shows squiggles for the problems and a hover explaining the fixed port', async () => {
    await wb.openFile('procfile-e2e/Procfile');
    const squiggles = wb.page.locator('.editor-instance .monaco-editor .squiggly-error');
    await squiggles.first().waitFor({ state: 'attached', timeout: 60_000 });
    await squiggles.nth(2).waitFor({ state: 'attached', timeout: 30_000 }); // all three problems are drawn
    const text = await wb.hover('3000');
    await settled(wb.page.locator('.monaco-hover').first());
    await wb.screenshot('procfile-squiggles-hover');
    assert.match(text, /R10/);
    assert.match(text, /procfile\/fixed-port/);
    assert.ok((await squiggles.count()) >= 3, `squiggles: ${await squiggles.count()}`);
  });

  it('hovering a process type explains it', async () => {
    await wb.page.mouse.move(1200, 800);
    await wb.page.keyboard.press('Escape');
    await wb.page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 30_000 });
    const text = await wb.hover('clock');
    await settled(wb.page.locator('.monaco-hover').first());
    await wb.screenshot('procfile-type-hover');
    assert.match(text, /scheduler/i);
  });
});
