import { createHash } from 'node:crypto';
import demo from '../../fixtures/heroku/demo.json';
import type { ReviewAppSeed, TestRunSeed } from './seed-pipelines';
import type { AppSeed, WorldSeed } from './seed';

export interface LargePipelineOptions {
  /** Apps in each of development, staging and production. */
  perStage?: number;
  reviewApps?: number;
  ciRuns?: number;
}

const NOW = '2026-11-24T08:00:00Z';

function app(name: string, stage: string, count: number, i: number): AppSeed {
  return {
    name, team: 'bigco', region: i % 2 === 0 ? 'us' : 'eu', stack: 'heroku-24', buildpacks: ['heroku/nodejs'],
    created_at: '2025-06-01T12:00:00Z',
    formation: [
      { type: 'web', quantity: stage === 'production' ? 4 : 1, size: stage === 'production' ? 'standard-2X' : 'basic', command: 'npm start' },
      { type: 'worker', quantity: stage === 'review' ? 0 : 1, size: 'standard-1X', command: 'node worker.js' },
    ],
    dynos: stage === 'review' ? [{ name: 'web.1', state: 'up' }] : [{ name: 'web.1', state: 'up' }, { name: 'worker.1', state: 'up' }],
    config: { NODE_ENV: stage, SHARD: String(i) }, domains: [], releases: { count, hours_apart: stage === 'review' ? 1 : 6 },
  };
}

/**
 * A large pipeline for benchmarks (the `large-pipeline` seed): team `bigco`, pipeline `bigco-shop` with
 * development, staging and production apps (`perStage` each, default 2), `reviewApps` review apps (default 100) and
 * `ciRuns` Heroku CI runs (default 20; every 7th fails, the newest runs), on the demo account.
 */
export function largePipelineWorld(opts: LargePipelineOptions = {}): WorldSeed {
  const perStage = opts.perStage ?? 2;
  const reviews = opts.reviewApps ?? 100;
  const runs = opts.ciRuns ?? 20;
  const apps: AppSeed[] = [];
  const couplings: { app: string; stage: string }[] = [];
  for (const [stage, short, count] of [['development', 'dev', 12], ['staging', 'staging', 20], ['production', 'prod', 40]] as const) {
    for (let i = 1; i <= perStage; i++) {
      apps.push(app(`bigco-shop-${short}-${i}`, stage, count, i));
      couplings.push({ app: `bigco-shop-${short}-${i}`, stage });
    }
  }
  const reviewApps: ReviewAppSeed[] = [];
  for (let i = 0; i < reviews; i++) {
    const pr = 1000 + i;
    const name = `bigco-shop-pr-${pr}`;
    apps.push(app(name, 'review', 2 + (i % 3), i));
    couplings.push({ app: name, stage: 'review' });
    reviewApps.push({ app: name, branch: `feature/ticket-${pr}`, pr_number: pr, status: 'created', created_at: NOW });
  }
  const testRuns: TestRunSeed[] = [];
  for (let n = 1; n <= runs; n++) {
    const status = n === runs ? 'running' : n % 7 === 0 ? 'failed' : 'succeeded';
    const branch = n % 3 === 0 ? 'main' : `feature/ticket-${1000 + ((n * 37) % Math.max(1, reviews))}`;
    testRuns.push({ number: n, branch, message: `Change ${createHash('sha1').update(String(n)).digest('hex').slice(0, 6)}`, status, created_at: NOW });
  }
  return {
    now: NOW, account: { ...demo.account, default_team: 'bigco' }, teams: [{ name: 'bigco', role: 'admin', created_at: '2024-01-01T00:00:00Z' }],
    spaces: [], apps, addons: [],
    pipelines: [{ name: 'bigco-shop', team: 'bigco', created_at: '2025-06-01T12:00:00Z', couplings, review_apps: reviewApps, test_runs: testRuns }],
  };
}
