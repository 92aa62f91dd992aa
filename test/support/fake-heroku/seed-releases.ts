import { stableId } from './state/ids';
import type { App, Release } from './state/types';

export interface ReleaseSeed {
  count: number;
  failed?: number[];
  pending?: number[];
  /** Versions that ran a release phase (they get output at `output_stream_url`). */
  output?: number[];
}

const HOUR = 3_600_000;

function sha(app: string, v: number): string {
  return stableId(`commit:${app}:${v}`).replace(/-/g, '').slice(0, 7);
}

function description(app: App, v: number, count: number, lastKey: string | undefined, addonPlans: string[]): string {
  if (v === 1) return 'Initial release';
  if (v === 2) return 'Enable Logplex';
  if (v === 3 && addonPlans.length > 0) return `Attach ${addonPlans[0].split(':')[0]} add-on`;
  if (v === count - 1 && lastKey) return `Set ${lastKey} config vars`;
  return `Deploy ${sha(app.name, v)}`;
}

function releaseOutput(app: App, v: number, status: Release['status']): string[] {
  const lines = [
    `Running release command...`,
    ``,
    `> ${app.name}@1.${v}.0 migrate`,
    `> node scripts/migrate.js`,
    ``,
    `Migrating database: 3 pending migrations`,
    `  20261120_add_invoices ........ done (41 ms)`,
    `  20261121_index_invoices ...... done (12 ms)`,
  ];
  if (status === 'failed') return [...lines, `  20261122_backfill ............ FAILED`, `Error: relation "legacy_invoices" does not exist`, `Release command exited with status 1`];
  if (status === 'pending') return [...lines.slice(0, 6)];
  return [...lines, `  20261122_backfill ............ done (2304 ms)`, `Release command completed successfully`];
}

/**
 * Builds an app's release history: v1..count, each `hoursApart` before the next, ending `ageHours` before `now`.
 * Older releases lack the newest config var (added by release count-1), so a rollback visibly changes config.
 */
export function seedReleases(app: App, seed: ReleaseSeed, config: Record<string, string>, addonPlans: string[], now: number): Release[] {
  const keys = Object.keys(config);
  const lastKey = seed.count >= 4 ? keys[keys.length - 1] : undefined;
  const out: Release[] = [];
  for (let v = 1; v <= seed.count; v++) {
    const status: Release['status'] = seed.failed?.includes(v) ? 'failed' : seed.pending?.includes(v) ? 'pending' : 'succeeded';
    const at = new Date(now - (seed.count - v) * 6 * HOUR - 2 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const snapshot = { ...config };
    if (lastKey && v < seed.count - 1) delete snapshot[lastKey];
    out.push({
      id: stableId(`release:${app.name}:${v}`),
      appId: app.id,
      version: v,
      description: description(app, v, seed.count, lastKey, addonPlans),
      status,
      config: snapshot,
      slugId: v === 1 || app.stack === 'container' ? null : stableId(`slug:${app.name}:${v}`),
      addonPlanNames: v >= 3 ? addonPlans : [],
      output: seed.output?.includes(v) ? releaseOutput(app, v, status) : null,
      createdAt: at,
      updatedAt: at,
    });
  }
  return out;
}
