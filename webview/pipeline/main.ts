// Entry of the pipeline webview (media/pipeline.js): the diagram or, with <body data-mode="releases">, an app's
// release timeline. Says `ready`, then draws each model the host sends; after each draw it reports `rendered`.
// Focus survives a redraw (same card or row, same button), so live updates do not throw keyboard users out.
import type { PipelineDiagram, ReleaseTimeline } from '../../src/shared/pipeline-model';
import type { HostMessage } from '../../src/shared/pipeline-protocol';
import { type CardActions } from './cards';
import { onCardKey, renderDiagram, type DiagramState } from './diagram';
import { clear, h } from './dom';
import { post, request, settle } from './rpc';
import { renderTimeline, type TimelineActions } from './timeline';

const root = document.getElementById('root') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const mode = document.body.dataset.mode === 'releases' ? 'releases' : 'pipeline';
let diagram: PipelineDiagram | undefined;
let timeline: ReleaseTimeline | undefined;
let seq = 0;
const st: DiagramState = { shown: new Map(), promotions: new Map(), diffs: new Map() };
const notes = new Map<string, string>();

function say(text: string): void {
  status.textContent = text;
}

async function ask<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T | undefined> {
  const r = await p;
  if (!r.ok) {
    say(r.message);
    return undefined;
  }
  return r.value;
}

const cardActions: CardActions = {
  promote: (c) => { void ask(request('promote', { appId: c.appId })); },
  diff: async (c, target) => {
    const key = `${c.appId}>${target}`;
    st.diffs.set(key, 'loading');
    draw();
    const d = await ask(request('diff', { sourceAppId: c.appId, targetAppId: target }));
    if (d) st.diffs.set(key, d);
    else st.diffs.delete(key);
    draw();
  },
  releases: (c) => { void ask(request('openReleases', { app: c.name })); },
  logs: (c) => { say(`Tailing the logs of ${c.name} in the output panel…`); void ask(request('tailLogs', { app: c.name })); },
  retry: (f) => { say(`Reading ${f.what} again…`); void ask(request('retry', { retryKey: f.retryKey })); },
  ciOutput: (r) => { say(`Opening the output of CI run #${r.number}…`); void ask(request('ciOutput', { runId: r.id })); },
  openUrl: (url) => { void ask(request('openExternal', { url })); },
};

const timelineActions: TimelineActions = {
  output: (e) => {
    if (!timeline) return;
    notes.set(e.id, 'Following the release-phase output in the output panel…');
    draw();
    void ask(request('releaseOutput', { app: timeline.app, releaseId: e.id }));
  },
  rollback: (e) => { if (timeline) void ask(request('rollback', { app: timeline.app, releaseId: e.id })); },
  retry: () => { void ask(request('retry', {})); },
};

/** Where focus is: the card/row key and which of its buttons (by label). */
function focusSpot(): { key?: string; label?: string } {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return {};
  const holder = el.closest('[data-app],[data-key]') as HTMLElement | null;
  return { key: holder?.dataset.app ?? holder?.dataset.key, label: el.tagName === 'BUTTON' ? el.textContent ?? undefined : undefined };
}

function restoreFocus(spot: { key?: string; label?: string }): void {
  // Only while the page has the keyboard: focusing an element of an unfocused webview pulls focus out of the
  // workbench (a redraw on the refresh tick closed the command palette the user was typing in).
  if (!spot.key || !document.hasFocus()) return;
  const holder = [...document.querySelectorAll<HTMLElement>('[data-app],[data-key]')].find((e) => (e.dataset.app ?? e.dataset.key) === spot.key);
  if (!holder) return;
  const target = spot.label ? [...holder.querySelectorAll('button')].find((b) => b.textContent === spot.label) : holder;
  (target ?? holder).focus({ preventScroll: true });
}

function draw(): void {
  const spot = focusSpot();
  const y = window.scrollY;
  clear(root);
  let cards = 0;
  if (mode === 'pipeline' && diagram) cards = renderDiagram(root, diagram, st, cardActions, draw);
  else if (mode === 'releases' && timeline) cards = renderTimeline(root, timeline, timelineActions, notes);
  else root.appendChild(h('p', 'muted loading', null, mode === 'pipeline' ? 'Reading the pipeline…' : 'Reading the releases…'));
  root.setAttribute('aria-busy', diagram?.partial ? 'true' : 'false');
  restoreFocus(spot);
  window.scrollTo(0, y);
  if (diagram || timeline) post({ type: 'rendered', seq, cards });
}

window.addEventListener('message', (ev: MessageEvent<HostMessage>) => {
  const m = ev.data;
  if (!m || typeof m !== 'object' || settle(m)) return;
  switch (m.type) {
    case 'diagram':
      diagram = m.diagram;
      seq = m.seq;
      if (!m.diagram.partial && status.textContent?.startsWith('Reading')) say('');
      draw();
      break;
    case 'timeline':
      if (status.textContent?.startsWith('Reading')) say('');
      timeline = m.timeline;
      seq = m.seq;
      notes.clear();
      draw();
      break;
    case 'promotion':
      st.promotions.set(m.state.sourceAppId, m.state);
      if (m.state.done && m.state.text) say(m.state.text);
      draw();
      break;
    case 'loading':
      root.setAttribute('aria-busy', m.loading ? 'true' : 'false');
      break;
  }
});
document.addEventListener('keydown', onCardKey);
draw();
post({ type: 'ready' });
