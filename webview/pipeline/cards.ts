// One app card and one CI run card. Text only (see dom.ts); every action is a real <button>.
import type { AppCard, CiRunCard, PartFailure, StageDiff } from '../../src/shared/pipeline-model';
import type { PromotionState } from '../../src/shared/pipeline-protocol';
import { ago, button, duration, h, type Child } from './dom';

export interface CardActions {
  promote(card: AppCard): void;
  diff(card: AppCard, targetAppId: string): void;
  releases(card: AppCard): void;
  logs(card: AppCard): void;
  retry(f: PartFailure): void;
  ciOutput(run: CiRunCard): void;
  openUrl(url: string): void;
}

/** A card's failures are one short line each (the full message in the tooltip); others show it all. */
function shortly(message: string): string {
  const first = message.split(/(?<=[.!?])\s/)[0];
  return first.length > 90 ? `${first.slice(0, 88)}…` : first;
}

export function failureBlock(fs: readonly PartFailure[], a: Pick<CardActions, 'retry'>, compact = false): HTMLElement | null {
  if (fs.length === 0) return null;
  return h('div', 'failures', { role: 'alert' }, ...fs.map((f) => h('div', 'failure', compact ? { title: f.message } : null,
    h('span', 'failure-text', null, `Could not read ${f.what}: ${compact ? shortly(f.message) : f.message}`), ' ',
    button('Retry', () => a.retry(f), 'btn btn-small', `Read ${f.what} again`))));
}

function releaseLine(c: AppCard): Child {
  const r = c.release;
  if (!r) return h('p', 'muted', null, c.releaseUnknown ? 'Release not read (see above)' : 'No release yet');
  return h('div', 'release', null,
    h('p', 'release-head', null,
      h('span', 'version', null, `v${r.version}`), ' ',
      h('span', `status status-${/^[a-z]+$/.test(r.status) ? r.status : 'unknown'}`, null, r.status), ' ',
      h('span', `kind kind-${r.kind}`, null, r.kind)),
    h('p', 'description', { title: r.description }, r.description || '(no description)'),
    h('p', 'muted', null, [r.user, ago(r.createdAt)].filter(Boolean).join(' · ')));
}

function dynoLine(c: AppCard): Child {
  const d = c.dynos;
  if (!d) return null;
  const parts = [d.up && `${d.up} up`, d.starting && `${d.starting} starting`, d.crashed && `${d.crashed} crashed`, d.idle && `${d.idle} idle`, d.other && `${d.other} other`].filter(Boolean);
  return h('p', `dynos health-${d.level}`, null, h('span', 'dot', { 'aria-hidden': 'true' }), parts.length ? `Dynos: ${parts.join(', ')}` : 'No dynos running');
}

function diffBlock(diff: StageDiff | 'loading' | undefined, a: CardActions): Child {
  if (diff === undefined) return null;
  if (diff === 'loading') return h('div', 'diff', { 'aria-live': 'polite' }, 'Reading the local git history…');
  switch (diff.kind) {
    case 'same': return h('div', 'diff', { 'aria-live': 'polite' }, `Both run commit ${diff.sha.slice(0, 7)}: nothing to promote that the target does not have.`);
    case 'unknown':
    case 'no-repo': return h('div', 'diff diff-note', { 'aria-live': 'polite' }, diff.message);
    case 'missing': return h('div', 'diff diff-missing', { role: 'alert' }, diff.message);
    case 'commits': {
      const head = `${diff.commits.length}${diff.truncated ? '+' : ''} commit${diff.commits.length === 1 ? '' : 's'} (git log ${diff.from.slice(0, 7)}..${diff.to.slice(0, 7)})`;
      return h('div', 'diff', { 'aria-live': 'polite' },
        h('p', 'diff-head', null, head, diff.compareUrl ? ' ' : null, diff.compareUrl ? button('Compare on the web', () => a.openUrl(diff.compareUrl as string), 'btn-link') : null),
        h('ol', 'commits', null, ...diff.commits.map((c) => h('li', 'commit', null,
          c.url ? button(c.short, () => a.openUrl(c.url as string), 'btn-link sha', `Open ${c.short} on the web`) : h('code', 'sha', null, c.short), ' ',
          h('span', 'subject', null, c.subject), ' ', h('span', 'muted', null, `${c.author} · ${ago(c.date)}`)))));
    }
  }
}

function promotionBlock(p: PromotionState | undefined): Child {
  if (!p) return null;
  return h('div', `promotion${p.done ? (p.failed ? ' promotion-failed' : ' promotion-ok') : ''}`, { 'aria-live': 'polite', role: 'status' },
    h('p', null, null, p.done ? p.text ?? 'Promotion finished.' : `Promoting ${p.source}…`),
    h('ul', 'targets', null, ...p.targets.map((t) => h('li', `target target-${/^[a-z]+$/.test(t.status) ? t.status : 'unknown'}`, null,
      `${t.name}: ${t.status}`, t.error ? ` — ${t.error}` : null))));
}

export function appCard(c: AppCard, a: CardActions, promotion: PromotionState | undefined, diffs: Map<string, StageDiff | 'loading'>): HTMLElement {
  const place = c.space ? `space ${c.space}` : c.region ? `region ${c.region}` : '';
  const meta = [place, c.generation].filter(Boolean).join(' · ');
  const review = c.review
    ? h('p', 'review', null, h('span', 'branch', { title: 'branch' }, c.review.branch || '(no branch)'),
      c.review.prNumber !== null ? ` · PR #${c.review.prNumber}` : null, ` · ${c.review.status}`, c.review.message ? ` · ${c.review.message}` : null)
    : null;
  const commit = c.commit ? h('p', 'commit-line', null, h('code', 'sha', null, c.commit.short), c.commit.message ? ` ${c.commit.message}` : null) : null;
  const actions = h('div', 'actions');
  const running = promotion && !promotion.done;
  if (c.promote) {
    const label = `Promote to ${c.promote.stage.charAt(0).toUpperCase()}${c.promote.stage.slice(1)}`;
    const b = button(label, () => a.promote(c), 'btn btn-primary', `${label}: ${c.promote.targets.map((t) => t.name).join(', ')}`);
    if (running) b.disabled = true;
    actions.appendChild(b);
    for (const t of c.promote.targets) actions.appendChild(button(`Diff → ${t.name}`, () => a.diff(c, t.appId), 'btn', `Commits ${c.name} would bring to ${t.name}`));
  }
  if (!c.appId.startsWith('review-app:')) {
    actions.appendChild(button('Releases', () => a.releases(c), 'btn', `Release timeline of ${c.name}`));
    actions.appendChild(button('Logs', () => a.logs(c), 'btn', `Tail the logs of ${c.name} in the output panel`));
  }
  const diffNodes = c.promote ? c.promote.targets.map((t) => diffBlock(diffs.get(`${c.appId}>${t.appId}`), a)) : [];
  return h('article', `card stage-${c.stage}`, { tabindex: '0', 'data-app': c.appId, 'aria-label': `${c.name}${c.release ? `, v${c.release.version} ${c.release.status}` : ''}` },
    h('h3', 'app-name', null, c.name),
    meta ? h('p', 'muted meta', null, meta) : null,
    review, releaseLine(c), commit, dynoLine(c),
    failureBlock(c.failures, a, true), promotionBlock(promotion), ...diffNodes, actions);
}

export function runCard(r: CiRunCard, a: CardActions): HTMLElement {
  const head = h('p', 'release-head', null, h('span', 'version', null, `#${r.number}`), ' ', h('span', `status ci-${r.statusClass}`, null, r.status),
    r.durationMs !== undefined ? ` · ${duration(r.durationMs)}` : null);
  const actions = h('div', 'actions');
  if (r.statusClass === 'fail') actions.appendChild(button('Show failed output', () => a.ciOutput(r), 'btn btn-primary', `Output of CI run #${r.number}`));
  return h('article', `card run ci-card-${r.statusClass}`, { tabindex: '0', 'data-app': `run:${r.id}`, 'aria-label': `CI run ${r.number}, ${r.status}` },
    head,
    h('p', 'review', null, h('span', 'branch', null, r.branch || '(no branch)'), ' · ', h('code', 'sha', null, r.short)),
    h('p', 'description', { title: r.message }, r.message),
    h('p', 'muted', null, [r.actor, ago(r.createdAt)].filter(Boolean).join(' · ')),
    actions);
}
