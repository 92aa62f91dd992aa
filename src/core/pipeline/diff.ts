// The stage diff without GitHub: which two commits to compare (`git log TARGET..SOURCE`: what promoting the
// source would bring to the target), and web links when the repository's remote is on GitHub, GitLab or
// Bitbucket. The git reads themselves go through the GitHistory port. Pure except for that port.
import type { AppCard, DiffCommit, StageDiff } from '../../shared/pipeline-model';
import type { GitHistory } from './ports';

export type DiffPlan =
  | { kind: 'log'; from: string; to: string }
  | { kind: 'same'; sha: string }
  | { kind: 'unknown'; message: string };

/** `from` = the target's deployed commit, `to` = the source's. */
export function planDiff(source: AppCard, target: AppCard): DiffPlan {
  const to = source.commit?.sha;
  const from = target.commit?.sha;
  if (!to || !from) {
    const which = [!to ? source.name : undefined, !from ? target.name : undefined].filter(Boolean).join(' and ');
    return { kind: 'unknown', message: `Heroku did not say which commit ${which} runs (no slug commit), so there is nothing to compare.` };
  }
  if (to === from) return { kind: 'same', sha: to };
  return { kind: 'log', from, to };
}

export type RepoHost = { kind: 'github' | 'gitlab' | 'bitbucket'; base: string };

/** The web home of a git remote URL on GitHub, GitLab or Bitbucket (https, ssh or scp form); else undefined. */
export function repoHost(remoteUrl: string | undefined): RepoHost | undefined {
  if (!remoteUrl) return undefined;
  const u = remoteUrl.trim();
  const m = /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/(?:[^@/]+@)?|[^@/\s]+@)(github\.com|gitlab\.com|bitbucket\.org)(?::\d+)?[:/]([\w.-]+(?:\/[\w.-]+)+)\/?$/i.exec(u);
  if (!m) return undefined;
  const host = m[1].toLowerCase();
  const kind = host === 'github.com' ? 'github' : host === 'gitlab.com' ? 'gitlab' : 'bitbucket';
  return { kind, base: `https://${host}/${m[2].replace(/\.git$/i, '')}` };
}

export function commitUrl(host: RepoHost | undefined, sha: string): string | undefined {
  if (!host || !/^[0-9a-f]{7,40}$/i.test(sha)) return undefined;
  switch (host.kind) {
    case 'github': return `${host.base}/commit/${sha}`;
    case 'gitlab': return `${host.base}/-/commit/${sha}`;
    case 'bitbucket': return `${host.base}/commits/${sha}`;
  }
}

/** The host's compare page for `from...to`. */
export function compareUrl(host: RepoHost | undefined, from: string, to: string): string | undefined {
  if (!host || !/^[0-9a-f]{7,40}$/i.test(from) || !/^[0-9a-f]{7,40}$/i.test(to)) return undefined;
  switch (host.kind) {
    case 'github': return `${host.base}/compare/${from}...${to}`;
    case 'gitlab': return `${host.base}/-/compare/${from}...${to}`;
    case 'bitbucket': return `${host.base}/branches/compare/${to}%0D${from}`;
  }
}

/** True when `url` is one we made: https on one of the three hosts (the webview may only open those). */
export function isRepoWebUrl(url: string): boolean {
  return /^https:\/\/(github\.com|gitlab\.com|bitbucket\.org)\/[\w.%/-]+$/i.test(url);
}

export const MAX_DIFF_COMMITS = 200;

/** Runs the plan against the local history of `folder` (undefined: no repository for this app in the workspace). */
export async function stageDiff(git: GitHistory, folder: string | undefined, source: AppCard, target: AppCard): Promise<StageDiff> {
  const plan = planDiff(source, target);
  if (plan.kind === 'same') return { kind: 'same', sha: plan.sha };
  if (plan.kind === 'unknown') return plan;
  if (!folder) return { kind: 'no-repo', message: `No folder of this workspace has a git remote for ${source.name} or ${target.name}: open the app's repository to compare its stages.` };
  const [hasFrom, hasTo] = await Promise.all([git.hasCommit(folder, plan.from), git.hasCommit(folder, plan.to)]);
  const missing = [!hasTo ? plan.to : undefined, !hasFrom ? plan.from : undefined].filter((s): s is string => !!s);
  if (missing.length) {
    return { kind: 'missing', shas: missing, message: `Commit ${missing.map((s) => s.slice(0, 7)).join(' and ')} is not in the local history: fetch first (git fetch), then compare again.` };
  }
  const log = await git.log(folder, plan.from, plan.to, MAX_DIFF_COMMITS + 1);
  if (!log.ok) return { kind: 'unknown', message: `git log failed: ${log.error.message}` };
  const host = repoHost(await git.webRemote(folder));
  const commits: DiffCommit[] = log.value.slice(0, MAX_DIFF_COMMITS).map((c) => {
    const d: DiffCommit = { sha: c.sha, short: c.sha.slice(0, 7), subject: c.subject, author: c.author, date: c.date };
    const url = commitUrl(host, c.sha);
    if (url) d.url = url;
    return d;
  });
  const out: StageDiff = { kind: 'commits', from: plan.from, to: plan.to, commits, truncated: log.value.length > MAX_DIFF_COMMITS };
  const cmp = compareUrl(host, plan.from, plan.to);
  if (cmp) out.compareUrl = cmp;
  return out;
}
