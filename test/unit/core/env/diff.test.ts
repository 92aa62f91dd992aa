import * as assert from 'node:assert/strict';
import { configText, diffConfig, patchBody, summarizeChanges } from '../../../../src/core/env/diff';

describe('core/env/diff', () => {
  it('lists additions, changes and removals sorted by key', () => {
    const changes = diffConfig({ A: '1', B: '2', D: '4' }, { A: '1', B: 'x', C: '3' });
    assert.deepEqual(changes, [
      { key: 'B', kind: 'change', before: '2', after: 'x' },
      { key: 'C', kind: 'add', after: '3' },
      { key: 'D', kind: 'remove', before: '4' },
    ]);
  });

  it('keepMissing leaves keys absent from the target alone (push never deletes by default)', () => {
    assert.deepEqual(diffConfig({ A: '1', B: '2' }, new Map([['A', '9']]), { keepMissing: true }).map((c) => c.key), ['A']);
  });

  it('builds the PATCH body: values set, null removes', () => {
    assert.deepEqual(patchBody(diffConfig({ A: '1', D: '4' }, { A: '2', C: '' })), { A: '2', C: '', D: null });
  });

  it('summaries name keys but never values', () => {
    const text = summarizeChanges(diffConfig({ SECRET: 'hunter22' }, { SECRET: 'swordfish', NEW: 'v4lue' }));
    assert.equal(text, '1 added, 1 changed (NEW, SECRET)');
    assert.equal(summarizeChanges([]), 'no changes');
  });

  it('renders config as sorted lines, masked on request', () => {
    assert.equal(configText({ B: 'b b', A: 'a' }), 'A=a\nB="b b"\n');
    assert.equal(configText({ A: 'secret' }, () => '***'), 'A=***\n');
  });
});
