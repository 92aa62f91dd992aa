// Heroku CI runs as cards: status class, short commit, duration of a finished run. Pure.
import type { CiRunCard, CiStatusClass } from '../../shared/pipeline-model';
import type { TestRun } from '../heroku/types';

const FINISHED = new Set(['succeeded', 'failed', 'errored', 'cancelled']);

export function ciStatusClass(status: string): CiStatusClass {
  if (status === 'succeeded') return 'ok';
  if (status === 'failed' || status === 'errored') return 'fail';
  if (status === 'pending' || status === 'creating' || status === 'building' || status === 'running' || status === 'debugging') return 'running';
  return 'other';
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function ciRunCard(run: TestRun): CiRunCard | undefined {
  if (run === null || typeof run !== 'object' || typeof run.id !== 'string') return undefined;
  const status = text(run.status) || 'unknown';
  const sha = text(run.commit_sha);
  const card: CiRunCard = {
    id: run.id, number: typeof run.number === 'number' ? run.number : 0, status, statusClass: ciStatusClass(status),
    branch: text(run.commit_branch), sha, short: sha.slice(0, 7), message: text(run.commit_message).split('\n')[0],
    actor: text(run.actor_email), createdAt: text(run.created_at),
  };
  const start = Date.parse(text(run.created_at));
  const end = Date.parse(text(run.updated_at));
  if (FINISHED.has(status) && Number.isFinite(start) && Number.isFinite(end) && end >= start) card.durationMs = end - start;
  return card;
}

/** The newest `max` runs, newest first (by run number, then creation time). */
export function latestRuns(runs: readonly TestRun[], max = 20): CiRunCard[] {
  return runs.map(ciRunCard).filter((c): c is CiRunCard => c !== undefined)
    .sort((a, b) => b.number - a.number || b.createdAt.localeCompare(a.createdAt))
    .slice(0, max);
}

/** "1 min 5 s", "42 s", "2 h 3 min". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
