import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { mergeIntoEnv, removeEnvKey, setEnvValue } from '../../../../src/core/env/edit';
import { envToMap, parseEnv, serializeEnv } from '../../../../src/core/env/parse';

const FILE = '# app\nexport A=1  # keep me\n\nB=\'two\'\nC="three"\nLOCAL=only-here\n';

describe('core/env/edit', () => {
  it('rewrites only the changed line and keeps its prefix, quote style and comment', () => {
    const out = serializeEnv(setEnvValue(setEnvValue(parseEnv(FILE), 'A', '10'), 'B', 'deux'));
    assert.equal(out, "# app\nexport A=10  # keep me\n\nB='deux'\nC=\"three\"\nLOCAL=only-here\n");
  });

  it('appends new keys at the end, adding a newline to an unterminated last line', () => {
    assert.equal(serializeEnv(setEnvValue(parseEnv('A=1'), 'B', '2')), 'A=1\nB=2\n');
    assert.equal(serializeEnv(setEnvValue(parseEnv('A=1\r\n'), 'B', '2')), 'A=1\r\nB=2\r\n');
  });

  it('quotes values that need it so they read back exactly', () => {
    const tricky = ['has space', 'a#b', 'quote"s', "it's", 'multi\nline', 'back\\slash', '$HOME', '', '  pad  '];
    for (const v of tricky) {
      const doc = setEnvValue(parseEnv('X=1\n'), 'X', v);
      assert.equal(envToMap(parseEnv(serializeEnv(doc))).get('X'), v, JSON.stringify(v));
    }
  });

  it('removes every assignment of a key and nothing else', () => {
    assert.equal(serializeEnv(removeEnvKey(parseEnv('A=1\n# c\nA=2\nB=3\n'), 'A')), '# c\nB=3\n');
  });

  it('a pull merge keeps comments, order and local-only keys; appends new keys sorted', () => {
    const merged = mergeIntoEnv(parseEnv(FILE), { C: 'new', A: '1', Z: 'z', M: 'm', B: 'two' });
    assert.equal(serializeEnv(merged), '# app\nexport A=1  # keep me\n\nB=\'two\'\nC="new"\nLOCAL=only-here\nM=m\nZ=z\n');
  });

  it('a pull merge with removeMissing drops local-only keys', () => {
    const merged = mergeIntoEnv(parseEnv(FILE), { A: '1', B: 'two', C: 'three' }, { removeMissing: true });
    assert.equal(envToMap(merged).has('LOCAL'), false);
    assert.ok(serializeEnv(merged).startsWith('# app\n'));
  });

  it('an unchanged merge is byte-for-byte the same file', () => {
    assert.equal(serializeEnv(mergeIntoEnv(parseEnv(FILE), { A: '1', B: 'two', C: 'three' })), FILE);
  });

  it('after any merge the file holds exactly the config values (property)', () => {
    const key = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,6}$/);
    const value = fc.string({ maxLength: 12 });
    fc.assert(fc.property(fc.dictionary(key, value), fc.dictionary(key, value), (local, remote) => {
      let doc = parseEnv('# header\n');
      for (const [k, v] of Object.entries(local)) doc = setEnvValue(doc, k, v);
      const merged = parseEnv(serializeEnv(mergeIntoEnv(doc, remote)));
      const map = envToMap(merged);
      for (const [k, v] of Object.entries(remote)) assert.equal(map.get(k), v);
      for (const [k, v] of Object.entries(local)) if (!(k in remote)) assert.equal(map.get(k), v);
      assert.ok(serializeEnv(merged).startsWith('# header\n'));
    }), { numRuns: 300 });
  });
  it('a config answer with values that are not text or keys that cannot be .env names: skipped, kept, never thrown on', () => {
    const doc = parseEnv('A=local\nB=keep\nC=gone\n');
    const config: Record<string, unknown> = { A: 'remote', B: 17, D: null, E: ['x'], 'F G': 'y', H: 'new' };
    assert.equal(serializeEnv(mergeIntoEnv(doc, config)), 'A=remote\nB=keep\nC=gone\nH=new\n');
    // removeMissing deletes keys the app lacks, not keys whose value it sent in an unreadable form.
    assert.equal(serializeEnv(mergeIntoEnv(doc, config, { removeMissing: true })), 'A=remote\nB=keep\nH=new\n');
  });
});
