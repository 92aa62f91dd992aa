// The GitHistory port: local git reads for the stage diff, run with execFile (no shell), a timeout, and
// arguments that cannot be read as options (shas are checked first).
import { execFile } from 'node:child_process';
import { fail, ok, type Result } from '../../core/heroku/result';
import type { GitCommit, GitHistory } from '../../core/pipeline/ports';

const SHA = /^[0-9a-f]{7,40}$/i;
const TIMEOUT_MS = 15_000;
// Unit and record separators cannot appear in commit subjects or names as git prints them with %s/%an.
const FIELD = '\u001f';
const RECORD = '\u001e';

function git(folder: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', ['-C', folder, ...args], { timeout: TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
  });
}

export function parseLog(out: string): GitCommit[] {
  return out.split(RECORD).map((r) => r.replace(/^\n/, '')).filter((r) => r.trim() !== '').flatMap((r) => {
    const [sha, author, date, ...subject] = r.split(FIELD);
    return sha && SHA.test(sha.trim()) ? [{ sha: sha.trim(), author: author ?? '', date: date ?? '', subject: subject.join(FIELD).trim() }] : [];
  });
}

export const gitHistory: GitHistory = {
  async hasCommit(folder, sha) {
    if (!SHA.test(sha)) return false;
    const r = await git(folder, ['cat-file', '-e', `${sha}^{commit}`]);
    return r.code === 0;
  },
  async log(folder, from, to, max): Promise<Result<GitCommit[]>> {
    const path = 'git log';
    if (!SHA.test(from) || !SHA.test(to)) return fail({ id: 'bad_request', message: 'Not a commit id.', status: 0, method: 'GIT', path });
    const r = await git(folder, ['log', `--max-count=${Math.max(1, Math.floor(max))}`, `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s${RECORD}`, `${from}..${to}`, '--']);
    if (r.code !== 0) return fail({ id: 'git_failed', message: r.stderr.trim().split('\n')[0] || `git exited with ${r.code}`, status: 0, method: 'GIT', path });
    return ok(parseLog(r.stdout));
  },
  async webRemote(folder) {
    const list = await git(folder, ['remote']);
    if (list.code !== 0) return undefined;
    const names = list.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    const order = [...names.filter((n) => n === 'origin'), ...names.filter((n) => n !== 'origin' && n !== 'heroku')];
    for (const name of order) {
      const r = await git(folder, ['remote', 'get-url', '--', name]);
      const url = r.stdout.trim();
      if (r.code === 0 && /github\.com|gitlab\.com|bitbucket\.org/i.test(url)) return url;
    }
    return undefined;
  },
};
