// The status summary of an app: name, current release, dyno health, and a warning when the API rate limit runs
// low, from what the app-state store knows. Plain data in and out; the status bar item (src/vscode/statusbar)
// only shows it.
import { currentRelease } from '../heroku/releases';
import type { HerokuError } from '../heroku/result';
import { LOW_RATE_LIMIT } from '../heroku/rate-limit';
import type { App, Dyno, Release } from '../heroku/types';
import type { AppSnapshot } from '../state/types';

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

export { currentRelease };

/** The store's slices the summary reads. */
export const STATUS_SLICES = ['app', 'releases', 'dynos'] as const;

/** The input for appStatus from the store: the first failure of the three reads wins over their values. */
export function statusInput(snap: AppSnapshot, rateLimitRemaining: number | undefined): AppStatusInput {
  const error = [snap.app, snap.releases, snap.dynos].find((s) => s?.error)?.error;
  return {
    app: snap.name, info: snap.app?.value, releases: snap.releases?.value, dynos: snap.dynos?.value,
    ...(error ? { error } : {}), ...(rateLimitRemaining !== undefined ? { rateLimitRemaining } : {}),
  };
}

export interface DynoHealth {
  up: number;
  total: number;
  crashed: number;
  starting: number;
}

export function dynoHealth(dynos: readonly Dyno[] | undefined): DynoHealth {
  const h = { up: 0, total: 0, crashed: 0, starting: 0 };
  for (const d of dynos ?? []) {
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
    rel ? `Current release: v${rel.version}${rel.description ? ` — ${rel.description}` : ''} (${rel.status})` : 'No release yet',
    i.dynos ? `Dynos: ${h.up} up, ${h.starting} starting, ${h.crashed} crashed, ${h.total - h.up - h.starting - h.crashed} other` : '',
    ...rateLine,
    'Click for actions.',
  ].filter((l) => l !== '');
  return { text: `${icon} ${parts.join(' · ')}`, tooltip: tooltip.join('\n'), severity };
}
