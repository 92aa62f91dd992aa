import assert from 'node:assert/strict';
import { commitUrl, compareUrl, isRepoWebUrl, planDiff, repoHost, stageDiff } from '../../../../src/core/pipeline/diff';
import type { GitHistory } from '../../../../src/core/pipeline/ports';
import type { AppCard } from '../../../../src/shared/pipeline-model';
import { err, fail, ok } from './helpers';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const card = (name: string, sha?: string): AppCard => ({ appId: name, name, stage: 'staging', failures: [], ...(sha ? { commit: { sha, short: sha.slice(0, 7) } } : {}) });

function git(known: string[], remote?: string): GitHistory & { logs: string[] } {
  const logs: string[] = [];
  return {
    logs,
    hasCommit: async (_f, sha) => known.includes(sha),
    log: async (_f, from, to) => { logs.push(`${from}..${to}`); return ok([{ sha: A, subject: 'Add <script>', author: 'dana', date: '2026-01-01' }]); },
    webRemote: async () => remote,
  };
}

describe('core/pipeline stage diff', () => {
  it('plans git log TARGET..SOURCE from the two deployed commits', () => {
    assert.deepEqual(planDiff(card('staging', A), card('prod', B)), { kind: 'log', from: B, to: A });
    assert.deepEqual(planDiff(card('staging', A), card('prod', A)), { kind: 'same', sha: A });
    const u = planDiff(card('staging'), card('prod', B));
    assert.equal(u.kind, 'unknown');
    assert.match(u.kind === 'unknown' ? u.message : '', /staging/);
  });

  it('knows GitHub, GitLab and Bitbucket remotes in https, ssh and scp forms', () => {
    assert.deepEqual(repoHost('git@github.com:acme/web.git'), { kind: 'github', base: 'https://github.com/acme/web' });
    assert.deepEqual(repoHost('https://user@github.com/acme/web'), { kind: 'github', base: 'https://github.com/acme/web' });
    assert.deepEqual(repoHost('ssh://git@gitlab.com/group/sub/proj.git'), { kind: 'gitlab', base: 'https://gitlab.com/group/sub/proj' });
    assert.deepEqual(repoHost('https://bitbucket.org/team/repo.git'), { kind: 'bitbucket', base: 'https://bitbucket.org/team/repo' });
    assert.equal(repoHost('https://git.heroku.com/shop.git'), undefined);
    assert.equal(repoHost('https://github.com.evil.test/a/b'), undefined);
    assert.equal(repoHost(undefined), undefined);
    const gh = repoHost('git@github.com:acme/web.git');
    assert.equal(commitUrl(gh, A), `https://github.com/acme/web/commit/${A}`);
    assert.equal(compareUrl(gh, B, A), `https://github.com/acme/web/compare/${B}...${A}`);
    assert.equal(commitUrl(repoHost('git@gitlab.com:g/p.git'), A), `https://gitlab.com/g/p/-/commit/${A}`);
    assert.equal(commitUrl(repoHost('git@bitbucket.org:t/r.git'), A), `https://bitbucket.org/t/r/commits/${A}`);
    assert.equal(commitUrl(gh, 'javascript:alert(1)'), undefined);
    assert.ok(isRepoWebUrl(`https://github.com/acme/web/commit/${A}`));
    assert.ok(!isRepoWebUrl('javascript:alert(1)'));
    assert.ok(!isRepoWebUrl('https://evil.test/'));
  });

  it('reads the log with links, or says which commit to fetch first', async () => {
    const g = git([A, B], 'git@github.com:acme/web.git');
    const d = await stageDiff(g, '/repo', card('staging', A), card('prod', B));
    assert.equal(d.kind, 'commits');
    assert.deepEqual(g.logs, [`${B}..${A}`]);
    if (d.kind === 'commits') {
      assert.equal(d.commits[0].subject, 'Add <script>');
      assert.equal(d.commits[0].url, `https://github.com/acme/web/commit/${A}`);
      assert.equal(d.compareUrl, `https://github.com/acme/web/compare/${B}...${A}`);
    }
    const missing = await stageDiff(git([B]), '/repo', card('staging', A), card('prod', B));
    assert.equal(missing.kind, 'missing');
    assert.match(missing.kind === 'missing' ? missing.message : '', /aaaaaaa is not in the local history: fetch first/);
    assert.equal((await stageDiff(git([A, B]), undefined, card('staging', A), card('prod', B))).kind, 'no-repo');
    assert.equal((await stageDiff(git([A]), '/r', card('staging', A), card('prod', A))).kind, 'same');
    const broken: GitHistory = { ...git([A, B]), log: async () => fail(err(0, 'git exited 128')) };
    const u = await stageDiff(broken, '/r', card('staging', A), card('prod', B));
    assert.match(u.kind === 'unknown' ? u.message : '', /git exited 128/);
    const plain = await stageDiff(git([A, B]), '/r', card('staging', A), card('prod', B));
    assert.equal(plain.kind === 'commits' ? plain.commits[0].url : 'x', undefined, 'no web link without a known host');
  });
});
