import { ciSetupLines, ciTestLines, DEFAULT_FAILURE, type CiCase, type CiFailure } from '../build/ci-output';
import { newId } from './ids';
import type { FakeState } from './store';
import { addSteps, emptyTimeline } from './timeline';
import type { CiStatus, Pipeline, TestNode, TestRun } from './types';

export interface TestRunInput {
  commitBranch: string;
  commitMessage: string;
  commitSha: string;
  sourceBlobUrl: string;
  debug?: boolean;
  actorEmail?: string;
  /** Seeds give fixed ids and times; otherwise new ids, now. */
  id?: string;
  nodeId?: string;
  number?: number;
  createdAt?: string;
}

export interface TestRunPlan {
  outcome: 'succeeded' | 'failed';
  /** When the run starts (clock ms) and how far apart its lines are. */
  start: number;
  stepMs: number;
  failure?: CiFailure;
  setupLines?: string[];
  /** The cases that pass (default: a shop's invoices, orders and webhooks). */
  cases?: CiCase[];
}

/**
 * A Heroku CI run with one test node: `pending`, `creating` a step later, `building` while the setup output appears,
 * `running` while the test output appears, then succeeded or failed. Carried out lazily by state.settle().
 */
export function startTestRun(state: FakeState, pipeline: Pipeline, input: TestRunInput, plan: TestRunPlan): TestRun {
  const at = input.createdAt ?? state.now();
  const number = input.number ?? 1 + Math.max(0, ...[...state.testRuns.values()].filter((r) => r.pipelineId === pipeline.id).map((r) => r.number));
  const node: TestNode = {
    id: input.nodeId ?? newId(), index: 0, status: 'pending', exitCode: null, errorStatus: null, message: null,
    setup: emptyTimeline(), output: emptyTimeline(), createdAt: at, updatedAt: at,
  };
  const run: TestRun = {
    id: input.id ?? newId(), pipelineId: pipeline.id, number, status: 'pending', commitBranch: input.commitBranch,
    commitMessage: input.commitMessage, commitSha: input.commitSha, actorEmail: input.actorEmail ?? state.account.email,
    message: null, sourceBlobUrl: input.sourceBlobUrl, debug: input.debug ?? false, clearCache: null, nodes: [node],
    createdAt: at, updatedAt: at,
  };
  state.testRuns.set(run.id, run);
  const { stepMs } = plan;
  const set = (status: CiStatus) => (): void => {
    run.status = status;
    node.status = status;
    run.updatedAt = node.updatedAt = state.now();
  };
  state.schedule(plan.start + stepMs, set('creating'));
  const building = plan.start + 2 * stepMs;
  state.schedule(building, set('building'));
  const setupEnd = addSteps(node.setup, building, stepMs, plan.setupLines ?? ciSetupLines());
  const failure = plan.outcome === 'failed' ? (plan.failure ?? DEFAULT_FAILURE) : undefined;
  state.schedule(setupEnd, () => {
    node.setup.done = true;
    set('running')();
  });
  const end = addSteps(node.output, setupEnd, stepMs, ciTestLines(failure, plan.cases));
  state.schedule(end, () => {
    node.output.done = true;
    node.exitCode = failure ? 1 : 0;
    set(plan.outcome)();
  });
  return run;
}
