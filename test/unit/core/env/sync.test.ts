// The .env pull and push plans: what a pull writes (the file's lines kept) and what a push sets (only the file's
// keys), computed without I/O.
import assert from 'node:assert/strict';
import { planPull, planPush } from '../../../../src/core/env/sync';

describe('core/env/sync', () => {
  it('pull keeps comments, order and local-only keys, and lists only what changes', () => {
    const plan = planPull('# mine\nexport PORT=5006\nNODE_ENV=stale\n', { NODE_ENV: 'production', DATABASE_URL: 'postgres://x' });
    assert.equal(plan.after, '# mine\nexport PORT=5006\nNODE_ENV=production\nDATABASE_URL=postgres://x\n');
    assert.deepEqual(plan.changes.map((c) => [c.key, c.kind]), [['DATABASE_URL', 'add'], ['NODE_ENV', 'change']]);
  });

  it('pull into a missing file writes every var; into a matching file changes nothing', () => {
    assert.equal(planPull(undefined, { A: '1' }).after, 'A=1\n');
    assert.deepEqual(planPull('A=1\n', { A: '1' }).changes, []);
  });

  it('push sets only the file\'s keys, keeps the app\'s others, shows both sides for those keys, counts bad lines', () => {
    const plan = planPush('A=new\nnot a pair\nB=2\n', { A: 'old', B: '2', SECRET: 's' });
    assert.deepEqual(plan.changes.map((c) => [c.key, c.kind, c.after]), [['A', 'change', 'new']]);
    assert.deepEqual(plan.diff, { now: 'A=old\nB=2\n', after: 'A=new\nB=2\n' });
    assert.equal(plan.ignoredLines, 1);
    assert.deepEqual([...plan.local.keys()], ['A', 'B']);
  });
});
