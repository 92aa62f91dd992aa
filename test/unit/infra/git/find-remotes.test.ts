import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findHerokuRemotes, gitConfigPath } from '../../../../src/infra/git/find-remotes';

const remote = (name: string, url: string) => `[remote "${name}"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/${name}/*\n`;

describe('infra/git/find-remotes', () => {
  let root: string;
  beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'hw-git-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function repo(rel: string, config: string): string {
    const dir = path.join(root, rel);
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(path.join(dir, '.git', 'config'), config);
    return dir;
  }

  it('finds remotes in the root and in monorepo sub-folders, skipping node_modules', async () => {
    repo('.', '[core]\n' + remote('heroku', 'https://git.heroku.com/mono-api.git') + remote('origin', 'git@github.com:x/y.git'));
    repo('services/web', remote('staging', 'git@heroku.com:mono-web-staging.git'));
    repo('node_modules/dep', remote('heroku', 'https://git.heroku.com/should-not-appear.git'));
    const found = await findHerokuRemotes([root]);
    assert.deepEqual(found.map((f) => [f.app, f.remote, path.relative(root, f.folder)]).sort(), [
      ['mono-api', 'heroku', ''], ['mono-web-staging', 'staging', path.join('services', 'web')],
    ]);
  });

  it('follows a worktree .git file to the common config', async () => {
    const main = repo('main', remote('heroku', 'ssh://git@heroku.com/wt-app.git'));
    const wtGitDir = path.join(main, '.git', 'worktrees', 'feature');
    mkdirSync(wtGitDir, { recursive: true });
    writeFileSync(path.join(wtGitDir, 'commondir'), '../..\n');
    const wt = path.join(root, 'feature');
    mkdirSync(wt);
    writeFileSync(path.join(wt, '.git'), `gitdir: ${wtGitDir}\n`);
    assert.equal(await gitConfigPath(path.join(wt, '.git')), path.join(main, '.git', 'config'));
    const found = await findHerokuRemotes([wt]);
    assert.deepEqual(found.map((f) => [f.app, f.folder]), [['wt-app', wt]]);
  });

  it('follows a submodule-style relative gitdir without commondir', async () => {
    const modDir = path.join(root, '.git', 'modules', 'sub');
    mkdirSync(modDir, { recursive: true });
    writeFileSync(path.join(modDir, 'config'), remote('heroku', 'https://git.heroku.com/sub-app.git'));
    mkdirSync(path.join(root, 'sub'));
    writeFileSync(path.join(root, 'sub', '.git'), 'gitdir: ../.git/modules/sub\n');
    const found = await findHerokuRemotes([path.join(root, 'sub')]);
    assert.deepEqual(found.map((f) => f.app), ['sub-app']);
  });

  it('respects depth, and returns nothing for missing folders or broken .git files', async () => {
    repo('a/b/c/d/e', remote('heroku', 'https://git.heroku.com/too-deep.git'));
    mkdirSync(path.join(root, 'broken'));
    writeFileSync(path.join(root, 'broken', '.git'), 'nonsense');
    assert.deepEqual(await findHerokuRemotes([root], { depth: 3 }), []);
    assert.equal((await findHerokuRemotes([root], { depth: 5 })).length, 1);
    assert.deepEqual(await findHerokuRemotes([path.join(root, 'missing')]), []);
  });
});
