// The stage diagram: columns left to right, cards top to bottom. Long columns show their first cards and a
// "Show N more" button (a hundred review apps stay quick to draw and to tab through). Arrow keys move between
// cards (up/down in a column, left/right across columns); every action is a button in the tab order.
import type { PipelineDiagram, StageColumn, StageDiff } from '../../src/shared/pipeline-model';
import type { PromotionState } from '../../src/shared/pipeline-protocol';
import { appCard, failureBlock, runCard, type CardActions } from './cards';
import { button, h } from './dom';

export const FIRST_CARDS = 12;
const MORE_STEP = 40;

export interface DiagramState {
  /** Cards shown per column (beyond FIRST_CARDS once "Show more" was used). */
  shown: Map<string, number>;
  promotions: Map<string, PromotionState>;
  diffs: Map<string, StageDiff | 'loading'>;
}

function column(col: StageColumn, st: DiagramState, a: CardActions, rerender: () => void): HTMLElement {
  const items = [...(col.runs ?? []).map((r) => ({ key: `run:${r.id}`, el: () => runCard(r, a) })),
    ...col.cards.map((c) => ({ key: c.appId, el: () => appCard(c, a, st.promotions.get(c.appId), st.diffs) }))];
  const limit = st.shown.get(col.stage) ?? FIRST_CARDS;
  const visible = items.slice(0, limit);
  const count = col.runs ? `${col.runs.length} runs${col.cards.length ? `, ${col.cards.length} apps` : ''}` : `${col.cards.length}`;
  const headId = `stage-${col.stage}`;
  const list = h('ol', 'cards', { 'aria-labelledby': headId }, ...visible.map((i) => h('li', null, null, i.el())));
  const rest = items.length - visible.length;
  const more = rest > 0 ? button(`Show ${Math.min(rest, MORE_STEP)} more (${rest} hidden)`, () => {
    st.shown.set(col.stage, limit + MORE_STEP);
    rerender();
  }, 'btn more') : null;
  const empty = items.length === 0 && col.failures.length === 0 ? h('p', 'muted empty', null, col.stage === 'review' ? 'No review apps' : 'No apps in this stage') : null;
  return h('section', `stage stage-col-${col.stage}`, { 'aria-labelledby': headId },
    h('h2', 'stage-title', { id: headId }, col.title, ' ', h('span', 'count', null, count)),
    failureBlock(col.failures, a), empty, list, more);
}

export function renderDiagram(root: HTMLElement, d: PipelineDiagram, st: DiagramState, a: CardActions, rerender: () => void): number {
  const stages = h('div', 'stages', null, ...d.columns.map((c) => column(c, st, a, rerender)));
  const note = d.partial ? h('span', 'muted', { 'aria-live': 'polite' }, 'reading details…') : null;
  root.append(
    h('header', 'bar', null, h('h1', null, null, d.pipeline.name), d.pipeline.generation ? h('span', 'badge', { title: 'generation' }, d.pipeline.generation) : null, note,
      h('span', 'spacer'), button('Refresh', () => a.retry({ what: 'the pipeline', message: '', retryKey: 'all' }), 'btn', 'Read the pipeline again')),
    failureBlock(d.failures, a) ?? '',
    d.columns.length === 0 && d.failures.length === 0 ? h('p', 'muted', null, 'This pipeline has no apps.') : '',
    stages);
  return root.querySelectorAll('article.card').length;
}

/** Arrow-key movement between cards. */
export function onCardKey(e: KeyboardEvent): void {
  const card = (e.target as HTMLElement | null)?.closest?.('article.card') as HTMLElement | null;
  if (!card || e.target !== card) return;
  const col = card.closest('section.stage');
  const cards = (el: Element | null) => (el ? [...el.querySelectorAll<HTMLElement>('article.card')] : []);
  const mine = cards(col);
  const i = mine.indexOf(card);
  let next: HTMLElement | undefined;
  if (e.key === 'ArrowDown') next = mine[i + 1];
  else if (e.key === 'ArrowUp') next = mine[i - 1];
  else if (e.key === 'Home') next = mine[0];
  else if (e.key === 'End') next = mine[mine.length - 1];
  else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    const cols = [...document.querySelectorAll('section.stage')].filter((c) => cards(c).length > 0);
    const other = cols[cols.indexOf(col as Element) + (e.key === 'ArrowRight' ? 1 : -1)];
    const list = cards(other ?? null);
    next = list[Math.min(i, list.length - 1)];
  }
  if (next) {
    e.preventDefault();
    next.focus();
  }
}
