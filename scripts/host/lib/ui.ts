// Driving the VS Code workbench in Chromium the way a person does: palette, quick open, hovers.
// Selectors are VS Code's own DOM classes (stable across recent releases; checked on 1.139).
import type { Locator, Page } from 'playwright-core';

const TIMEOUT = 30_000;

/** Waits until the workbench is laid out and the extension host has connected. */
export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  // The explorer shows the folder once the remote file system answers.
  await page.locator('.explorer-folders-view, .part.sidebar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

async function quickInput(page: Page, opener: () => Promise<void>, text: string): Promise<Locator> {
  const widget = page.locator('.quick-input-widget');
  await opener();
  await widget.waitFor({ state: 'visible', timeout: TIMEOUT });
  const box = widget.locator('input').first();
  await box.fill(text);
  return widget;
}

/**
 * Opens the command palette whatever has the keyboard: F1 pressed while a webview has focus goes to the webview, so
 * the title bar's command center is clicked when there is one (it opens Quick Open; a '>' makes it the palette).
 */
export async function openPalette(page: Page): Promise<void> {
  const center = page.locator('.command-center .command-center-center').first();
  if (await center.isVisible().catch(() => false)) await center.click();
  else await page.keyboard.press('F1');
}

/** Runs a command by its palette title, e.g. "Heroku: Sign In" (an exact label match wins). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = await quickInput(page, () => openPalette(page), `>${title}`);
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  const exact = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }) });
  try {
    await exact.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    const seen = await rows.allInnerTexts().catch(() => []);
    await page.keyboard.press('Escape');
    throw new Error(`no command "${title}" in the palette (saw: ${seen.join(' | ') || 'nothing'})`);
  }
  await exact.first().click();
  await widget.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined);
}

/**
 * Opens a workspace file by its path relative to the folder (Quick Open) and waits for its editor. Enter goes
 * only to a focused row naming the file's folder (before the list is filtered, the focused row can be a recently
 * opened file of the same name), and the breadcrumbs must then show exactly that path, else it tries again.
 */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const parts = relativePath.split('/').filter(Boolean);
  const base = parts[parts.length - 1] ?? relativePath;
  const dir = parts.slice(0, -1).join('/');
  let seen = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const widget = await quickInput(page, () => page.keyboard.press('Control+P'), relativePath);
    let focused = widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: base });
    if (dir) focused = focused.filter({ hasText: dir });
    await focused.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await activeEditor(page).locator('.view-lines').waitFor({ state: 'visible', timeout: TIMEOUT });
    // Breadcrumbs: the folders, the file, then maybe symbols: the first segments must be the path.
    const crumbs = page.locator('.part.editor .editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    seen = (await crumbs.allInnerTexts().catch(() => [])).map((t) => t.trim()).filter(Boolean).join('/');
    if (!seen || seen === relativePath || seen.startsWith(`${relativePath}/`)) return; // no breadcrumbs: trust the row
  }
  throw new Error(`Quick Open did not open ${relativePath} (the breadcrumbs show ${seen})`);
}

/** The visible text editor of the active editor group (others stay in the DOM, hidden). */
export function activeEditor(page: Page): Locator {
  return page.locator('.part.editor .editor-group-container.active .editor-instance .monaco-editor')
    .filter({ visible: true }).first();
}

/** Hovers the first visible occurrence of `text` in the active editor; returns the hover widget's text. */
export async function hover(page: Page, text: string): Promise<string> {
  // Token spans are .view-line > span > span. The editor re-renders lines as tokenization and language
  // features arrive, which can swap the span or swallow the first mouse move: aim again until a hover shows.
  const token = activeEditor(page).locator('.view-line > span > span', { hasText: text }).filter({ visible: true }).first();
  const widget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
  const deadline = Date.now() + TIMEOUT;
  let lastError = `"${text}" is not visible in the editor`;
  while (Date.now() < deadline) {
    await token.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    const box = await token.boundingBox({ timeout: 2000 }).catch(() => null);
    const tokenText = (await token.textContent({ timeout: 2000 }).catch(() => null)) ?? '';
    if (box && tokenText) {
      const at = Math.max(0, tokenText.indexOf(text));
      const charW = box.width / Math.max(1, tokenText.length);
      await page.mouse.move(box.x + (at + Math.min(text.length, 3) / 2) * charW, box.y + box.height / 2, { steps: 2 });
      try {
        await widget.waitFor({ state: 'visible', timeout: 5000 });
        return (await widget.innerText()).trim();
      } catch {
        lastError = `no hover appeared over "${text}"`;
      }
      await page.mouse.move(5, 5); // leave, so the next move is a fresh hover
    }
    await page.waitForTimeout(300);
  }
  throw new Error(lastError);
}

/** Opens the Heroku view container from the activity bar and waits for its Apps view. */
export async function openHerokuSidebar(page: Page): Promise<Locator> {
  const item = page.locator('.part.activitybar .action-item a[aria-label^="Heroku"], .part.activitybar .action-item [aria-label^="Heroku"]').first();
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  const sidebar = page.locator('.part.sidebar');
  const title = sidebar.locator('.composite.title h2', { hasText: /heroku/i });
  if (!(await title.isVisible().catch(() => false))) await item.click();
  await title.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.mouse.move(700, 450); // away from the activity bar, so no tooltip covers the view
  return sidebar;
}

/** Elements inside the active editor, e.g. `.squiggly-error` or `.codelens-decoration`. */
export function editorLocator(page: Page, selector: string): Locator {
  return activeEditor(page).locator(selector);
}

/** Moves the cursor to a line and column (1-based) of the active editor with "Go to Line/Column" (Ctrl+G). */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  const widget = await quickInput(page, () => page.keyboard.press('Control+G'), `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined);
}

/** The Heroku Apps view (opens the container first). */
export async function herokuTree(page: Page): Promise<Locator> {
  const sidebar = await openHerokuSidebar(page);
  return sidebar.locator('.pane', { has: page.locator('.pane-header[aria-label^="Apps"]') }).first();
}

/** Expands or collapses a view of the Heroku container by its title (e.g. "Logs") and waits until it says so. */
export async function setPaneExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const sidebar = await openHerokuSidebar(page);
  const header = sidebar.locator(`.pane-header[aria-label^="${title}"]`).first();
  await header.waitFor({ state: 'visible', timeout: TIMEOUT });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
  await page.waitForFunction(([el, want]) => (el as { getAttribute(n: string): string | null } | null)?.getAttribute('aria-expanded') === want,
    [await header.elementHandle(), String(expanded)] as const, { timeout: TIMEOUT });
}

/** The first tree row whose label is exactly `label`. */
export function treeRow(tree: Locator, label: string): Locator {
  return tree.locator('.monaco-list-row', { has: tree.page().locator('.label-name', { hasText: new RegExp(`^${escapeRe(label)}$`) }) }).first();
}

async function setExpanded(tree: Locator, label: string, expanded: boolean): Promise<void> {
  const row = treeRow(tree, label);
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  if (((await row.getAttribute('aria-expanded')) === 'true') !== expanded) await row.click();
  await tree.page().waitForFunction(([el, want]) => (el as { getAttribute(n: string): string | null } | null)?.getAttribute('aria-expanded') === want,
    [await row.elementHandle(), String(expanded)] as const, { timeout: TIMEOUT });
}

/** Expands a tree row (no-op when it is already expanded) and waits until the tree says so. */
export function expandRow(tree: Locator, label: string): Promise<void> {
  return setExpanded(tree, label, true);
}

export function collapseRow(tree: Locator, label: string): Promise<void> {
  return setExpanded(tree, label, false);
}

/** Back to a calm workbench: no widget, menu or hover open, no editor, no panel; the side bar shown. */
export async function calm(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  if (!(await page.locator('.part.sidebar').isVisible().catch(() => true))) await runCommand(page, 'View: Toggle Primary Side Bar Visibility').catch(() => undefined);
  if (await page.locator('.part.panel').isVisible().catch(() => false)) await runCommand(page, 'View: Hide Panel').catch(() => undefined);
  await page.mouse.move(1200, 850);
}

/** Lets animations and late renders finish before a picture (the only fixed wait: nothing to observe). */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(700);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
