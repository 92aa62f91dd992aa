import type { FakeState } from '../state/store';
import type { ReviewApp, TestNode, TestRun } from '../state/types';
import { accountView } from './account';

export function reviewAppView(state: FakeState, ra: ReviewApp, status = ra.status): Record<string, unknown> {
  return {
    app: ra.appId ? { id: ra.appId } : null, app_setup: null, branch: ra.branch, created_at: ra.createdAt, id: ra.id,
    pipeline: { id: ra.pipelineId }, status, updated_at: ra.updatedAt, creator: { id: state.account.id, email: ra.creatorEmail },
    wait_for_ci: ra.waitForCi, error_status: ra.errorStatus, message: ra.message,
    fork_repo: ra.forkRepoId === null ? null : { id: ra.forkRepoId }, pr_number: ra.prNumber,
  };
}

export function testRunView(state: FakeState, r: TestRun): Record<string, unknown> {
  const pipeline = state.pipelines.get(r.pipelineId);
  const team = pipeline?.teamId ? state.teams.get(pipeline.teamId) : undefined;
  return {
    actor_email: r.actorEmail, clear_cache: r.clearCache, commit_branch: r.commitBranch, commit_message: r.commitMessage,
    commit_sha: r.commitSha, debug: r.debug, app_setup: null, created_at: r.createdAt, dyno: { size: 'standard-1X' }, id: r.id,
    message: r.message, number: r.number, organization: team ? { name: team.name } : null, pipeline: { id: r.pipelineId },
    status: r.status, source_blob_url: r.sourceBlobUrl, updated_at: r.updatedAt, user: accountView(state), warning_message: null,
  };
}

export function testNodeView(r: TestRun, n: TestNode, baseUrl: string): Record<string, unknown> {
  return {
    created_at: n.createdAt, dyno: n.status === 'pending' ? null : { id: `${n.id}`, attach_url: null }, error_status: n.errorStatus,
    exit_code: n.exitCode, id: n.id, index: n.index, message: n.message,
    output_stream_url: `${baseUrl}/__output/test-nodes/${n.id}/output`, pipeline: { id: r.pipelineId },
    setup_stream_url: `${baseUrl}/__output/test-nodes/${n.id}/setup`, status: n.status, updated_at: n.updatedAt,
    test_run: { id: r.id },
  };
}
