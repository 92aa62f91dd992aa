import { createHash } from 'node:crypto';
import type { CiCase, CiFailure } from './build/ci-output';
import { startTestRun } from './state/ci';
import { stableId } from './state/ids';
import { startReviewApp } from './state/review-apps';
import type { FakeState } from './state/store';
import type { Pipeline, ReviewApp } from './state/types';

export interface ReviewAppSeed {
  /** The review app's app (seeded with the other apps); absent while it is being created or when it failed. */
  app?: string;
  branch: string;
  pr_number: number | null;
  status: 'created' | 'creating' | 'errored';
  created_at: string;
  fork_repo_id?: number;
  error_status?: string;
  message?: string;
}

export interface TestRunSeed {
  number: number;
  branch: string;
  message: string;
  status: 'succeeded' | 'failed' | 'running';
  created_at: string;
  actor?: string;
  failure?: CiFailure;
  cases?: CiCase[];
  setup?: string[];
}

const MINUTE = 60_000;

/** Review apps as seeded: created ones point at their app; a creating one finishes 90 s after the seed. */
export function seedReviewApps(state: FakeState, pipeline: Pipeline, seeds: readonly ReviewAppSeed[]): void {
  for (const s of seeds) {
    const id = stableId(`review-app:${pipeline.name}:${s.branch}:${s.pr_number}`);
    if (s.status === 'creating') {
      startReviewApp(state, pipeline, { branch: s.branch, prNumber: s.pr_number, version: null, forkRepoId: s.fork_repo_id ?? null, environment: {} },
        { id, createdAt: s.created_at, creatingAt: state.clock(), createdAtMs: state.clock() + 90_000 });
      continue;
    }
    const ra: ReviewApp = {
      id, pipelineId: pipeline.id, appId: s.app ? state.app(s.app).id : null, branch: s.branch, prNumber: s.pr_number,
      status: s.status, creatorEmail: state.account.email, forkRepoId: s.fork_repo_id ?? null, waitForCi: false,
      errorStatus: s.error_status ?? null, message: s.message ?? null, createdAt: s.created_at, updatedAt: s.created_at,
    };
    state.reviewApps.set(ra.id, ra);
  }
}

/**
 * Heroku CI runs as seeded: finished ones are done by the end of the seed (state.settle()); a running one is
 * midway through its test output, which goes on one line each 20 s for a few minutes.
 */
export function seedTestRuns(state: FakeState, pipeline: Pipeline, seeds: readonly TestRunSeed[]): void {
  for (const s of seeds) {
    const running = s.status === 'running';
    const stepMs = running ? 20_000 : 1000;
    const start = running ? state.clock() - 10 * MINUTE : state.clock() - 24 * 60 * MINUTE;
    startTestRun(state, pipeline, {
      id: stableId(`test-run:${pipeline.name}:${s.number}`), nodeId: stableId(`test-node:${pipeline.name}:${s.number}`),
      number: s.number, commitBranch: s.branch, commitMessage: s.message, actorEmail: s.actor,
      commitSha: createHash('sha1').update(`ci:${pipeline.name}:${s.number}`).digest('hex'),
      sourceBlobUrl: `https://sources.example.com/${pipeline.name}/${s.number}.tgz`, createdAt: s.created_at,
    }, { outcome: s.status === 'failed' ? 'failed' : 'succeeded', start, stepMs, failure: s.failure, cases: s.cases, setupLines: s.setup });
  }
}
