import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchGitConfigs } from '../../../../src/infra/git/watch-configs';
import { waitFor } from '../../../support/wait';

/** Resolves with the paths seen once `until` holds. */
function seenWhen(seen: string[], until: () => boolean): Promise<string[]> {
  return waitFor(`a config change (saw ${seen.join(', ') || 'nothing'})`, () => (until() ? seen : undefined), 5000);
}

describe('infra/git: watchGitConfigs (fs.watch on each config folder)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-gitwatch-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a config written in place and one renamed over (git\'s config.lock), not other files, and stops when told', async () => {
    const a = join(dir, 'a', '.git', 'config');
    const b = join(dir, 'b', '.git', 'config');
    for (const p of [a, b]) { mkdirSync(join(p, '..'), { recursive: true }); writeFileSync(p, '[core]\n'); }
    const seen: string[] = [];
    const w = watchGitConfigs((p) => seen.push(p));
    try {
      w.set([a, b]);
      writeFileSync(join(dir, 'a', '.git', 'HEAD'), 'ref: refs/heads/main\n');
      writeFileSync(a, '[remote "heroku"]\n');
      await seenWhen(seen, () => seen.includes(a));
      writeFileSync(`${b}.lock`, '[remote "heroku"]\n');
      renameSync(`${b}.lock`, b);
      await seenWhen(seen, () => seen.includes(b));
      assert.deepEqual([...new Set(seen)].sort(), [a, b].sort(), 'HEAD is not a config');
      w.set([b]);
      seen.length = 0;
      // a first: events come in order through the one inotify queue, so a's would be here by the time b's is.
      writeFileSync(a, '[core]\n');
      writeFileSync(b, '[core]\n');
      await seenWhen(seen, () => seen.includes(b));
      assert.deepEqual([...new Set(seen)], [b], 'a is no longer watched');
    } finally {
      w.dispose();
    }
  });

  it('never throws: a missing folder is skipped, a watched folder that goes away is dropped, and it goes on working', async () => {
    const seen: string[] = [];
    const w = watchGitConfigs((p) => seen.push(p));
    try {
      const gone = join(dir, 'gone', '.git', 'config');
      const ok = join(dir, 'ok', '.git', 'config');
      for (const p of [gone, ok]) { mkdirSync(join(p, '..'), { recursive: true }); writeFileSync(p, ''); }
      assert.doesNotThrow(() => w.set([join(dir, 'missing', '.git', 'config'), gone]));
      rmSync(join(dir, 'gone'), { recursive: true, force: true });
      assert.doesNotThrow(() => w.set([gone, ok]));
      writeFileSync(ok, '[core]\n');
      assert.deepEqual([...new Set(await seenWhen(seen, () => seen.includes(ok)))].filter((p) => p === ok), [ok]);
    } finally {
      w.dispose();
    }
  });
});
