import { createHash } from 'node:crypto';
import { stableId } from './state/ids';
import type { App, Release, Slug } from './state/types';

export interface ReleaseSeed {
  count: number;
  failed?: number[];
  pending?: number[];
  /** Versions that ran a release phase (they get output at `output_stream_url`). */
  output?: number[];
  /** Descriptions of some versions, instead of the generated ones. */
  descriptions?: Record<string, string>;
  /** Hours between releases (default 6). */
  hours_apart?: number;
}

const HOUR = 3_600_000;

/** The full commit of a seeded deploy; its first 7 characters are the sha in "Deploy <sha>". */
function commitOf(app: string, v: number): string {
  return createHash('sha1').update(`commit:${app}:${v}`).digest('hex');
}

function sha(app: string, v: number): string {
  return commitOf(app, v).slice(0, 7);
}

const MESSAGES = [
  'Fix rounding of invoice totals (#412)', 'Add CSV export for orders', 'Bump express from 4.21.1 to 4.21.2',
  'Cache exchange rates for 10 minutes', 'Retry webhook deliveries with backoff', 'Show the order status on the receipt page',
  'Remove the legacy checkout flag', 'Log slow queries over 500 ms', 'Paginate the admin user list', 'Upgrade to Node.js 22',
];

/** A slug for each seeded release that ran one: the commit and message of that deploy, the formation's commands. */
export function seedSlugs(app: App, releases: readonly Release[], processTypes: Record<string, string>, messages: readonly string[] = MESSAGES): Slug[] {
  const seen = new Set<string>();
  const out: Slug[] = [];
  for (const r of releases) {
    if (!r.slugId || seen.has(r.slugId)) continue;
    seen.add(r.slugId);
    out.push({
      id: r.slugId, appId: app.id, commit: commitOf(app.name, r.version), commitDescription: messages[(r.version * 7) % messages.length],
      processTypes, size: app.slugSize, stack: app.stack, buildpackDescription: app.buildpacks[0] ? languageOf(app.buildpacks[0]) : null,
      checksum: `SHA256:${createHash('sha256').update(r.slugId).digest('hex')}`, createdAt: r.createdAt, updatedAt: r.createdAt,
    });
  }
  return out;
}

function languageOf(bp: string): string {
  const names: Record<string, string> = { 'heroku/nodejs': 'Node.js', 'heroku/ruby': 'Ruby', 'heroku/python': 'Python', 'heroku/java': 'Java', 'heroku/go': 'Go', 'heroku/php': 'PHP' };
  return names[bp] ?? bp;
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
    const at = new Date(now - (seed.count - v) * (seed.hours_apart ?? 6) * HOUR - 2 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const snapshot = { ...config };
    if (lastKey && v < seed.count - 1) delete snapshot[lastKey];
    out.push({
      id: stableId(`release:${app.name}:${v}`),
      appId: app.id,
      version: v,
      description: seed.descriptions?.[String(v)] ?? description(app, v, seed.count, lastKey, addonPlans),
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
