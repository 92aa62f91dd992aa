// `npm run sandbox -- --tour DIR`: walks the sandbox through every feature a newcomer can try and writes one
// picture per stop (DIR/NN-name.png), for reviewers and for the README (scripts/readme-images.mjs picks a few).
// Each stop starts from a calm workbench (editors closed, no widget open) and acts as a person would: the sidebar,
// the palette, Quick Open, hovers, the quick-fix menu. A stop that fails is reported and the tour goes on;
// runTour() says which stops failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import * as ui from './ui';
import { pipelineStop } from './tour-stops/pipeline';
import { releasesStop } from './tour-stops/releases';
import { deployStop } from './tour-stops/deploy';
import { runFirStop, runStop } from './tour-stops/run';
import { logsStop } from './tour-stops/logs';
import { localStop } from './tour-stops/local';

export interface TourContext {
  page: Page;
  /** The workspace folder the workbench has open (a throw-away copy: stops may write files into it). */
  workspace: string;
  /** The app of the workspace's `heroku` git remote. */
  app: string | undefined;
  log(line: string): void;
}

export interface TourStop {
  name: string;
  /** One line: what the picture shows. */
  caption: string;
  run(ctx: TourContext): Promise<void>;
}

/** A Procfile with what the linter catches, in a sub-folder (the root one is the app's and stays clean). */
const BROKEN_PROCFILE = [
  '# A Procfile with problems: hover a squiggle, or press Ctrl+. for a fix',
  'web: bundle exec rails server -p 3000',
  'worker : bundle exec sidekiq',
  'release: rake db:migrate &&',
  'clock: node clock.js',
  '',
].join('\n');

const BROKEN_APP_JSON = `{
  "name": "tour-api",
  "stack": "heroku-18",
  "env": {
    "SECRET_KEY": { "generator": "secret", "value": "fixed" },
    "WEB_CONCURRENCY": 2
  },
  "formation": { "web": { "quantity": 1 }, "scheduler": { "quantity": 1 } },
  "addons": ["heroku-postgresql:hobby-dev"]
}
`;

function writeWorkspaceFile(ctx: TourContext, relativePath: string, text: string): void {
  const file = join(ctx.workspace, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export const STOPS: TourStop[] = [
  {
    name: 'explorer',
    caption: 'The Heroku explorer: the workspace app with its dynos, formation and releases',
    async run(ctx) {
      // The views below Apps collapsed, so the expanded app fits (later stops open the ones they show).
      for (const title of ['Pipelines', 'Local Processes', 'Logs']) await ui.setPaneExpanded(ctx.page, title, false);
      const tree = await ui.herokuTree(ctx.page);
      const app = ctx.app ?? 'dana-blog';
      await ui.expandRow(tree, app);
      for (const section of ['Dynos', 'Formation', 'Releases']) await ui.expandRow(tree, section);
      await tree.locator('.monaco-list-row', { hasText: 'current' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
  {
    name: 'config-vars',
    caption: 'Config vars, masked until revealed; pull them to .env or push .env back, with a diff first',
    async run(ctx) {
      const tree = await ui.herokuTree(ctx.page);
      for (const section of ['Dynos', 'Releases']) await ui.collapseRow(tree, section);
      await ui.expandRow(tree, 'Config Vars');
      await tree.locator('.monaco-list-row', { hasText: '••••' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
  {
    name: 'procfile-codelens',
    caption: "The app's formation above each process type of the deployed Procfile; click to scale",
    // Before any other Procfile exists in the workspace: Quick Open then offers only the root one.
    async run(ctx) {
      await ui.openFile(ctx.page, 'Procfile');
      // The formation's lenses, not only the "Run on Heroku" ones beside them (those need no request).
      await ui.editorLocator(ctx.page, '.codelens-decoration').filter({ hasText: ` on ${ctx.app ?? ''}` }).first()
        .waitFor({ state: 'attached', timeout: 60_000 });
    },
  },
  {
    name: 'procfile-problems',
    caption: 'Procfile checks while you type: squiggles with stable codes and a hover that explains each',
    async run(ctx) {
      writeWorkspaceFile(ctx, 'services/api/Procfile', BROKEN_PROCFILE);
      await ui.openFile(ctx.page, 'services/api/Procfile');
      await ui.editorLocator(ctx.page, '.squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
      await ui.hover(ctx.page, '3000');
    },
  },
  {
    name: 'quick-fix',
    caption: 'Quick fixes for Procfile problems (Ctrl+.)',
    async run(ctx) {
      await ui.openFile(ctx.page, 'services/api/Procfile');
      await ui.editorLocator(ctx.page, '.squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
      await ui.goToLine(ctx.page, 3, 7);
      await ctx.page.keyboard.press('Control+.');
      await ctx.page.locator('.action-widget, .context-view .monaco-menu').filter({ hasText: /Remove|Fix|space/i }).first()
        .waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
  {
    name: 'app-json-problems',
    caption: 'app.json checked against a corrected schema and against the Procfile beside it',
    async run(ctx) {
      writeWorkspaceFile(ctx, 'services/api/app.json', BROKEN_APP_JSON);
      await ui.openFile(ctx.page, 'services/api/app.json');
      await ui.editorLocator(ctx.page, '.squiggly-error, .squiggly-warning').first().waitFor({ state: 'attached', timeout: 60_000 });
      await ui.runCommand(ctx.page, 'Problems: Focus on Problems View');
      await ctx.page.locator('.part.panel .markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
  pipelineStop,
  releasesStop,
  deployStop,
  runStop,
  runFirStop,
  logsStop,
  localStop,
];

/** Runs `stops` in order on an open workbench; writes DIR/NN-name.png for each. */
export async function runTour(ctx: TourContext, dir: string, stops: readonly TourStop[] = STOPS): Promise<{ written: string[]; failed: string[] }> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const failed: string[] = [];
  const index: string[] = [];
  for (const [i, stop] of stops.entries()) {
    const file = join(dir, `${String(i + 1).padStart(2, '0')}-${stop.name}.png`);
    try {
      await ui.calm(ctx.page);
      await stop.run(ctx);
      await ui.settle(ctx.page);
      ctx.log(`[tour] ${stop.name}: ${stop.caption}`);
    } catch (err) {
      failed.push(stop.name);
      ctx.log(`[tour] ${stop.name} FAILED: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    await ctx.page.screenshot({ path: file });
    written.push(file);
    index.push(`${file.slice(dir.length + 1)}\t${failed.includes(stop.name) ? 'FAILED ' : ''}${stop.caption}`);
  }
  writeFileSync(join(dir, 'index.tsv'), `${index.join('\n')}\n`);
  return { written, failed };
}
