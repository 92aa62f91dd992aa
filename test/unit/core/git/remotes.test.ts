import * as assert from 'node:assert/strict';
import { appFromGitUrl, appNames, herokuRemotesFromConfig } from '../../../../src/core/git/remotes';

describe('core/git/remotes', () => {
  it('recognizes the three Heroku URL forms and rejects others', () => {
    assert.equal(appFromGitUrl('https://git.heroku.com/my-app.git'), 'my-app');
    assert.equal(appFromGitUrl('git@heroku.com:my-app.git'), 'my-app');
    assert.equal(appFromGitUrl('ssh://git@heroku.com/my-app.git'), 'my-app');
    assert.equal(appFromGitUrl('https://git.heroku.com/My-App'), 'my-app');
    assert.equal(appFromGitUrl('https://github.com/heroku/my-app.git'), undefined);
    assert.equal(appFromGitUrl('https://git.heroku.com.evil.io/x.git'), undefined);
    assert.equal(appFromGitUrl(''), undefined);
  });

  it('reads every remote, whatever its name, from git config text', () => {
    const text = [
      '[core]',
      '\trepositoryformatversion = 0',
      '[remote "origin"]',
      '\turl = git@github.com:me/repo.git',
      '[remote "heroku"]',
      '\turl = https://git.heroku.com/app-prod.git',
      '\tfetch = +refs/heads/*:refs/remotes/heroku/*',
      '[remote "staging"]',
      '\turl = "git@heroku.com:app-staging.git" ; comment',
      '\tpushurl = git@heroku.com:app-staging.git',
      '[remote "odd"]',
      '  URL=ssh://git@heroku.com/app-odd.git',
      '[branch "main"]',
      '\turl = https://git.heroku.com/not-a-remote.git',
    ].join('\r\n');
    const remotes = herokuRemotesFromConfig(text);
    assert.deepEqual(remotes.map((r) => [r.remote, r.app]), [
      ['heroku', 'app-prod'], ['staging', 'app-staging'], ['odd', 'app-odd'],
    ]);
    assert.deepEqual(appNames([...remotes, ...remotes]), ['app-prod', 'app-staging', 'app-odd']);
  });

  it('never throws on garbage', () => {
    assert.deepEqual(herokuRemotesFromConfig('[remote "x\n url = \u0000\n[[[\n= ='), []);
  });
});
