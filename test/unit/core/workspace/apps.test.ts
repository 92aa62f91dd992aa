// Which app a Procfile and the status bar belong to, from the git remotes found on disk.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FoundRemote } from '../../../../src/core/git/remotes';
import { appForProcfile, workspaceAppNames } from '../../../../src/core/workspace/apps';

const remote = (folder: string, remote: string, app: string): FoundRemote => ({ folder, remote, app, url: `https://git.heroku.com/${app}.git` });

describe('core/workspace/apps', () => {
  const repo = join('/work', 'shop');
  const remotes = [remote(repo, 'staging', 'shop-staging'), remote(repo, 'heroku', 'shop'), remote(join(repo, 'api'), 'heroku', 'shop-api')];

  it('the Procfile at a repository\'s root gets its app, the `heroku` remote first', () => {
    assert.equal(appForProcfile(remotes, join(repo, 'Procfile')), 'shop');
    assert.equal(appForProcfile(remotes, join(repo, 'api', 'Procfile')), 'shop-api');
  });

  it('a Procfile in a sub-folder of a repository gets none (Heroku reads the root one)', () => {
    assert.equal(appForProcfile(remotes, join(repo, 'web', 'Procfile')), undefined);
  });

  it('the workspace apps, each once, `heroku` remotes first', () => {
    assert.deepEqual(workspaceAppNames([...remotes, remote(join(repo, 'copy'), 'origin', 'shop')]), ['shop', 'shop-api', 'shop-staging']);
  });
});
