// What the status bar item says for the workspace's app: name, current release, dyno health, and a warning
// when the API rate limit runs low. Plain data in and out (no vscode), so it is easy to reason about.
// The lists come straight from the API: items are shape-checked here (one without a name or state is skipped),
// so a malformed answer changes the counts, never crashes the item.
import { checkList } from '../../core/explorer/shapes';
import type { HerokuError } from '../../core/heroku/result';
import { LOW_RATE_LIMIT } from '../../infra/heroku/rate-limit';
import type { App, Dyno, Release } from '../../core/heroku/types';

export { LOW_RATE_LIMIT };

export type StatusSeverity = 'ok' | 'warning' | 'error';

export interface AppStatusInput {
  app: string;
  info?: App;
  releases?: Release[];
  dynos?: Dyno[];
  error?: HerokuError;
  rateLimitRemaining?: number;
}

export interface StatusView {
  text: string;
  tooltip: string;
  severity: StatusSeverity;
}

/** Items of a list answer that have the fields read here; anything that is not a list reads as empty. */
function valid<T>(items: unknown, resource: 'dyno' | 'release'): T[] {
  const c = checkList<T>(items, resource);
  return c.ok ? c.items : [];
}

export function currentRelease(releases: readonly Release[] | undefined): Release | undefined {
  const list = valid<Release>(releases, 'release');
  return list.find((r) => r.current === true) ?? list.filter((r) => r.status === 'succeeded').sort((a, b) => b.version - a.version)[0];
}

export interface DynoHealth {
  up: number;
  total: number;
  crashed: number;
  starting: number;
}

export function dynoHealth(dynos: readonly Dyno[] | undefined): DynoHealth {
  const h = { up: 0, total: 0, crashed: 0, starting: 0 };
  for (const d of valid<Dyno>(dynos, 'dyno')) {
    if (d.type === 'run' || d.name.startsWith('run.')) continue; // one-off dynos are not the app's health
    h.total++;
    if (d.state === 'up' || d.state === 'idle') h.up++;
    else if (d.state === 'crashed') h.crashed++;
    else if (d.state === 'starting') h.starting++;
  }
  return h;
}

export function appStatus(i: AppStatusInput): StatusView {
  const lowRate = i.rateLimitRemaining !== undefined && i.rateLimitRemaining < LOW_RATE_LIMIT;
  const rateLine = i.rateLimitRemaining === undefined ? [] : [`API rate limit remaining: ${i.rateLimitRemaining}${lowRate ? ' (low)' : ''}`];
  if (i.error) {
    const signIn = i.error.status === 401 || i.error.id === 'no_token';
    return {
      text: `$(warning) ${i.app}`,
      tooltip: [`Heroku app ${i.app}`, signIn ? 'Not signed in: click to sign in.' : `Could not load: ${i.error.message}`, ...rateLine].join('\n'),
      severity: signIn ? 'warning' : 'error',
    };
  }
  const rel = currentRelease(i.releases);
  const h = dynoHealth(i.dynos);
  const parts = [i.app];
  if (rel) parts.push(`v${rel.version}`);
  if (i.dynos) parts.push(h.total === 0 ? 'no dynos' : `${h.up}/${h.total} up`);
  const maintenance = i.info?.maintenance === true;
  const icon = h.crashed > 0 ? '$(error)' : lowRate ? '$(warning)' : h.starting > 0 ? '$(sync~spin)' : maintenance ? '$(tools)' : '$(cloud)';
  const severity: StatusSeverity = h.crashed > 0 ? 'error' : lowRate ? 'warning' : 'ok';
  const tooltip = [
    `Heroku app ${i.app}${maintenance ? ' (maintenance mode on)' : ''}`,
    rel ? `Current release: v${rel.version}${typeof rel.description === 'string' && rel.description ? ` — ${rel.description}` : ''} (${rel.status})` : 'No release yet',
    i.dynos ? `Dynos: ${h.up} up, ${h.starting} starting, ${h.crashed} crashed, ${h.total - h.up - h.starting - h.crashed} other` : '',
    ...rateLine,
    'Click for actions.',
  ].filter((l) => l !== '');
  return { text: `${icon} ${parts.join(' · ')}`, tooltip: tooltip.join('\n'), severity };
}
