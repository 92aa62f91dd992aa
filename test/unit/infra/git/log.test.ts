import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitHistory } from '../../../../src/infra/git/log';

describe('infra/git/log: the stage diff\'s git reads', function () {
  this.timeout(20_000);
  let dir: string;
  const shas: string[] = [];
  const run = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hw-gitlog-'));
    run('init', '-q');
    run('config', 'user.email', 'dana@example.com');
    run('config', 'user.name', 'Dana');
    for (const subject of ['first', 'second <script>alert(1)</script>', '"; rm -rf / #']) {
      writeFileSync(join(dir, 'f.txt'), subject);
      run('add', '.');
      run('commit', '-q', '-m', subject);
      shas.push(run('rev-parse', 'HEAD'));
    }
    run('remote', 'add', 'heroku', 'https://git.heroku.com/shop.git');
    run('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists from..to newest first with subjects as written', async () => {
    const r = await gitHistory.log(dir, shas[0], shas[2], 10);
    assert.ok(r.ok);
    assert.deepEqual(r.value.map((c) => c.subject), ['"; rm -rf / #', 'second <script>alert(1)</script>']);
    assert.equal(r.value[0].sha, shas[2]);
    assert.equal(r.value[0].author, 'Dana');
    const one = await gitHistory.log(dir, shas[0], shas[2], 1);
    assert.equal(one.ok && one.value.length, 1);
  });

  it('knows which commits exist, refuses non-shas, and finds the web remote (origin, not heroku)', async () => {
    assert.equal(await gitHistory.hasCommit(dir, shas[1]), true);
    assert.equal(await gitHistory.hasCommit(dir, 'f'.repeat(40)), false);
    assert.equal(await gitHistory.hasCommit(dir, '--all'), false);
    const bad = await gitHistory.log(dir, '--output=/tmp/x', shas[2], 5);
    assert.equal(bad.ok, false);
    const unknown = await gitHistory.log(dir, 'f'.repeat(40), shas[2], 5);
    assert.equal(unknown.ok, false);
    assert.equal(await gitHistory.webRemote(dir), 'git@github.com:acme/shop.git');
  });
});
