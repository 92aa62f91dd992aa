// A throw-away copy of the demo/test workspace (test/fixtures/workspace) as a git repository with a
// `heroku` remote, the way `heroku git:remote -a APP` leaves a real project.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './host';

export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');

/** A temp folder for one run; remove() deletes it unless HW_KEEP_TMP is set. */
export function makeTempRoot(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `hw-${prefix}-`));
  return {
    dir,
    remove: () => {
      if (process.env.HW_KEEP_TMP) { console.error(`[host] kept ${dir} (HW_KEEP_TMP)`); return; }
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** The demo seed's own app (personal, in maintenance, with config vars): what the tests and the tour expect. */
const DEMO_APP = 'dana-blog';

/**
 * Picks the app for the workspace's `heroku` remote: $HW_TEST_APP, else the demo's app, else the first non-generated
 * one. Not simply the first: the fake lists apps by id, and a review app it creates at start has a random id.
 */
export function pickApp(apps: string[]): string | undefined {
  if (process.env.HW_TEST_APP) return process.env.HW_TEST_APP;
  if (apps.includes(DEMO_APP)) return DEMO_APP;
  return apps.find((a) => !a.startsWith('load-app-')) ?? apps[0];
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd, stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** Copies the fixture workspace to `<parent>/<name>`, `git init`s it and adds the `heroku` remote. */
export function makeWorkspace(parent: string, app: string | undefined, name = 'workspace'): string {
  const dir = join(parent, name);
  mkdirSync(parent, { recursive: true });
  cpSync(fixtureWorkspace, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'remote', 'add', 'heroku', `https://git.heroku.com/${app ?? 'heroku-workflows-demo'}.git`);
  git(dir, '-c', 'user.name=Heroku Workflows', '-c', 'user.email=dev@example.com', 'add', '-A');
  git(dir, '-c', 'user.name=Heroku Workflows', '-c', 'user.email=dev@example.com',
    'commit', '-q', '-m', 'demo workspace');
  return dir;
}
