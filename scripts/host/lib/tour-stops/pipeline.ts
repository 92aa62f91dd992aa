// Tour stop: the demo pipeline's diagram (heroku.openPipeline from the palette; the demo account has one pipeline,
// so no pick). Done when every stage shows, with the review apps and the CI runs.
import type { TourStop } from '../tour';
import * as ui from '../ui';

export const pipelineStop: TourStop = {
  name: 'pipeline',
  caption: 'A pipeline as a diagram: review apps, development, staging and production, CI runs, promote buttons',
  async run(ctx) {
    await ui.setPaneExpanded(ctx.page, 'Pipelines', true);
    const sidebar = await ui.openHerokuSidebar(ctx.page);
    await sidebar.locator('.pane', { has: ctx.page.locator('.pane-header[aria-label^="Pipelines"]') })
      .locator('.monaco-list-row', { hasText: 'acme-web' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await ui.runCommand(ctx.page, 'Heroku: Open Pipeline');
    const view = ctx.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('article.card[aria-label^="acme-web-production,"]').waitFor({ state: 'visible', timeout: 60_000 });
    await view.locator('article.card.run').first().waitFor({ state: 'visible', timeout: 30_000 });
    await view.locator('article.card .version').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Every stage in view: the diagram gets the side bar's width too (the next stop's calm() shows it again).
    await ui.runCommand(ctx.page, 'View: Toggle Primary Side Bar Visibility');
    await ctx.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 30_000 });
  },
};
