// Reading an app's releases: which one runs now, and which ones a rollback may go back to.
import type { Release } from './types';

/** The release marked current, else the newest succeeded one (an answer may lack `current`). */
export function currentRelease(releases: readonly Release[] | undefined): Release | undefined {
  const list = releases ?? [];
  return list.find((r) => r.current === true) ?? list.filter((r) => r.status === 'succeeded').sort((a, b) => b.version - a.version)[0];
}

/**
 * The releases a rollback may go back to, newest first: succeeded ones other than the current. (Heroku creates a
 * new release from the chosen one's slug and config; a failed or pending release has nothing to go back to.)
 */
export function rollbackCandidates(releases: readonly Release[]): Release[] {
  const current = currentRelease(releases);
  return releases.filter((r) => r.status === 'succeeded' && r.current !== true && r.id !== current?.id).sort((a, b) => b.version - a.version);
}
