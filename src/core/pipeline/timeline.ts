// An app's releases as a timeline: newest first, with status, kind, current marker, rollback eligibility and
// whether it has release-phase output. Also the rollback confirmation, which names the release, its commit and
// what a rollback does not undo. Pure.
import type { PartFailure, ReleaseTimeline, TimelineEntry } from '../../shared/pipeline-model';
import { describeHerokuError, type Result } from '../heroku/result';
import type { Release } from '../heroku/types';
import { releaseKind } from './release-kind';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function timelineEntry(r: Release): TimelineEntry | undefined {
  if (r === null || typeof r !== 'object' || typeof r.id !== 'string' || typeof r.version !== 'number') return undefined;
  const { kind, ref } = releaseKind(r.description);
  const status = str(r.status) || 'unknown';
  const current = r.current === true;
  // Heroku says eligible_for_rollback on newer answers; otherwise any succeeded release other than the current one.
  const rollback = !current && status === 'succeeded' && r.eligible_for_rollback !== false;
  const e: TimelineEntry = {
    id: r.id, version: r.version, status, description: str(r.description), kind, user: str(r.user?.email),
    createdAt: str(r.created_at), current, rollback, hasOutput: typeof r.output_stream_url === 'string' && r.output_stream_url !== '',
  };
  if (ref) e.ref = ref;
  return e;
}

export function buildTimeline(app: string, releases: Result<Release[]>): ReleaseTimeline {
  const failures: PartFailure[] = releases.ok ? [] : [{ what: `releases of ${app}`, message: describeHerokuError(releases.error), retryKey: 'all' }];
  const list = releases.ok && Array.isArray(releases.value) ? releases.value : [];
  const entries = list.map(timelineEntry).filter((e): e is TimelineEntry => e !== undefined).sort((a, b) => b.version - a.version);
  return { app, entries, failures };
}

/** The commit a release runs, when its description names one ("Deploy 1a2b3c4") or the slug's is known. */
export function releaseCommit(e: TimelineEntry, slugCommit?: string | null): string | undefined {
  if (slugCommit) return slugCommit.slice(0, 7);
  return e.kind === 'deploy' && e.ref ? e.ref.slice(0, 7) : undefined;
}

/**
 * Rollback's question. Heroku's rollback makes a new release with the code (slug) and config vars of the chosen
 * release; add-ons and their data (databases, caches) stay as they are now (Dev Center, "Releases: Rollback").
 */
export function rollbackConfirmation(app: string, e: TimelineEntry, commit: string | undefined): { message: string; detail: string } {
  const what = `v${e.version}${commit ? ` (commit ${commit})` : ''}`;
  return {
    message: `Roll ${app} back to ${what}?`,
    detail: `v${e.version}: ${e.description || 'no description'}\nA new release is created with the code and config vars of v${e.version}. `
      + 'Add-ons are not rolled back: they and their data (databases, caches) stay as they are now.',
  };
}
