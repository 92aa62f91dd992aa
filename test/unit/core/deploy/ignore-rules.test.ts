import * as assert from 'node:assert/strict';
import { GitignoreStack } from '../../../../src/core/deploy/ignore-rules';

describe('core/deploy: gitignore layers', () => {
  it('a file of only comments and blank lines adds nothing; a pattern among them (CRLF too) still counts', () => {
    const comments = '# git ls-files --others --exclude-from=.git/info/exclude\n# *.[oa]\n\n   \n';
    const base = GitignoreStack.empty().withOuter('*.log\n', '');
    const same = base.withOuter(comments, '').withFolder('src', '#nothing\r\n\r\n');
    for (const p of ['a.log', 'src/b.log', 'src/c.js', 'node_modules/']) assert.equal(same.verdict(p), base.verdict(p), p);
    const hidden = GitignoreStack.empty().withOuter('# tmp files\r\n\r\n*.tmp\r\n', 'apps/web').withFolder('src', '# keep\n!keep.tmp\n');
    assert.equal(hidden.verdict('x.tmp'), 'ignored');
    assert.equal(hidden.verdict('src/keep.tmp'), 'unignored');
    assert.equal(hidden.verdict('src/other.tmp'), 'ignored');
    assert.equal(hidden.verdict('x.js'), 'none');
  });
});
