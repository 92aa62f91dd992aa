import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Header } from 'tar';
import { headerBlocks } from '../../../../src/infra/pack/ustar';

describe('pack: ustar headers', () => {
  it("writes the same bytes as the tar package's Header for the fast path (property)", () => {
    const seg = fc.stringMatching(/^[A-Za-z0-9._ -]{1,20}$/);
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 0o7777 }),
      fc.integer({ min: 0, max: 2 ** 32 }), fc.integer({ min: 0, max: 4_000_000_000 }), fc.boolean(),
      (parts, mode, size, secs, link) => {
        const path = parts.join('/');
        const fields = { path, mode, size: link ? 0 : size, mtime: new Date(secs * 1000), type: link ? 'SymbolicLink' as const : 'File' as const, linkpath: link ? '../x' : undefined };
        const ours = headerBlocks(fields);
        const h = new Header({ ...fields, uid: 0, gid: 0, uname: '', gname: '' });
        h.encode();
        assert.equal(ours.length, 1);
        assert.ok(ours[0].equals(h.block!), path);
      }));
  });

  it('falls back to a pax header for long and non-ASCII names', () => {
    const long = `${'dir/'.repeat(70)}file.txt`;
    const blocks = headerBlocks({ path: long, mode: 0o644, size: 1, mtime: new Date(0), type: 'File' });
    assert.equal(blocks.length, 2);
    assert.match(blocks[0].toString('utf8'), new RegExp(`path=${long}`));
    const accents = headerBlocks({ path: 'résumé.txt', mode: 0o644, size: 1, mtime: new Date(0), type: 'File' });
    assert.equal(accents.length, 2);
  });
});
