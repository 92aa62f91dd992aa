import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchGitConfigs } from '../../../../src/infra/git/watch-configs';

/** Resolves with the paths seen once `until` holds, or rejects after `ms`. */
function seenWhen(seen: string[], until: () => boolean, ms = 5000): Promise<string[]> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => (until() ? resolve(seen) : Date.now() > end ? reject(new Error(`timed out; saw ${seen.join(', ') || 'nothing'}`)) : setTimeout(tick, 20));
    tick();
  });
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
      writeFileSync(a, '[core]\n');
      writeFileSync(b, '[core]\n');
      await seenWhen(seen, () => seen.includes(b));
      await new Promise((r) => setTimeout(r, 100));
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
      await new Promise((r) => setTimeout(r, 100));
      assert.doesNotThrow(() => w.set([gone, ok]));
      writeFileSync(ok, '[core]\n');
      assert.deepEqual([...new Set(await seenWhen(seen, () => seen.includes(ok)))].filter((p) => p === ok), [ok]);
    } finally {
      w.dispose();
    }
  });
});
