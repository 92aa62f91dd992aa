// The release timeline of one app: newest first, status, kind, who and when, the current marker, and the
// actions each release allows (release-phase output, roll back).
import type { ReleaseTimeline, TimelineEntry } from '../../src/shared/pipeline-model';
import type { PartFailure } from '../../src/shared/pipeline-model';
import { ago, button, h } from './dom';
import { failureBlock } from './cards';

export interface TimelineActions {
  output(e: TimelineEntry): void;
  rollback(e: TimelineEntry): void;
  retry(f: PartFailure): void;
}

function row(e: TimelineEntry, a: TimelineActions, note: string | undefined): HTMLElement {
  const actions = h('div', 'actions');
  if (e.hasOutput) actions.appendChild(button('Release output', () => a.output(e), 'btn', `Release-phase output of v${e.version}`));
  if (e.rollback) actions.appendChild(button(`Roll back to v${e.version}`, () => a.rollback(e), 'btn', `Roll back to v${e.version}`));
  const status = /^[a-z]+$/.test(e.status) ? e.status : 'unknown';
  return h('li', `release-row status-row-${status}${e.current ? ' current' : ''}`, { tabindex: '0', 'data-key': e.id, 'aria-label': `v${e.version} ${e.status}${e.current ? ', current' : ''}: ${e.description}` },
    h('div', 'release-head', null,
      h('span', 'version', null, `v${e.version}`), ' ',
      h('span', `status status-${status}`, null, e.status), ' ',
      h('span', `kind kind-${e.kind}`, null, e.kind), e.current ? h('span', 'badge current-badge', null, 'current') : null),
    h('p', 'description', null, e.description || '(no description)'),
    h('p', 'muted', null, [e.user, ago(e.createdAt)].filter(Boolean).join(' · ')),
    e.status === 'failed' ? h('p', 'failure-text', null, 'The release phase failed: this release never ran. Its output says why.') : null,
    note ? h('p', 'muted', { 'aria-live': 'polite' }, note) : null,
    actions);
}

export function renderTimeline(root: HTMLElement, t: ReleaseTimeline, a: TimelineActions, notes: Map<string, string>): number {
  root.append(
    h('header', 'bar', null, h('h1', null, null, `Releases of ${t.app}`), h('span', 'spacer'),
      button('Refresh', () => a.retry({ what: 'releases', message: '', retryKey: 'all' }), 'btn', 'Read the releases again')),
    failureBlock(t.failures, a) ?? '',
    t.entries.length === 0 && t.failures.length === 0 ? h('p', 'muted', null, 'No releases yet.') : '',
    h('ol', 'timeline', { 'aria-label': `Releases of ${t.app}` }, ...t.entries.map((e) => row(e, a, notes.get(e.id)))));
  return t.entries.length;
}
