// The shell scan: quotes, expansions and their nesting (what `bash -c` would accept), variables and comments.
import { strict as assert } from 'node:assert';
import { lintProcfile } from '../../../../src/core/procfile/lint';
import { scanShell } from '../../../../src/core/procfile/shell';
import { codes } from './helpers';

const SHELL_CODES = ['procfile/unclosed-expansion', 'procfile/unbalanced-quotes', 'procfile/dangling-operator'];

describe('shell scan', () => {
  it('finds variables with exact offsets', () => {
    const s = scanShell('node s.js --port $PORT --x "${A:-1}" \'$NOT\'');
    assert.deepEqual(s.vars.map((v) => [v.name, v.start, v.end, v.braced]), [['PORT', 17, 22, false], ['A', 28, 35, true]]);
  });

  it('treats # after whitespace as a comment and ignores quotes inside it', () => {
    const s = scanShell('npm start # don\'t');
    assert.equal(s.codeEnd, 10);
    assert.equal(s.unclosedQuote, undefined);
  });

  it('nests $( … ), ${ … } and backticks inside double quotes', () => {
    for (const cmd of [
      'node app.js --id="$(hostname)"',
      'celery -A app worker --hostname="$(hostname)" -l info',
      'echo "$(echo "inner $(date +%s)")"',
      'echo "started at `date`"',
      'echo "${GREETING:-"hello world"}"',
      'echo "${NAME:-$(whoami)}" ${PORT:-$(cat port)}',
      "sh -c 'echo \"$(\"' && echo \"$(echo ')')\"",
      'echo $( (cd app && ls) )',
      'echo "a \\" $(echo "b")"',
    ]) {
      const s = scanShell(cmd);
      assert.equal(s.unclosedExpansion, undefined, `${cmd}: ${JSON.stringify(s.unclosedExpansion)}`);
      assert.equal(s.unclosedQuote, undefined, `${cmd}: ${JSON.stringify(s.unclosedQuote)}`);
    }
  });

  it('still finds what is never closed, at the opener', () => {
    assert.deepEqual(scanShell('echo "$(hostname"').unclosedExpansion, { at: 6, opener: '$(' });
    assert.deepEqual(scanShell('echo "$(hostname)').unclosedQuote, { at: 5, quote: '"' });
    assert.deepEqual(scanShell('echo ${A:-$(date}').unclosedExpansion, { at: 5, opener: '${' });
    assert.deepEqual(scanShell('echo "${A:-x"').unclosedExpansion, { at: 6, opener: '${' });
    // A backtick ends at the next backtick whatever is open inside it: the quote it cut short is unclosed.
    assert.deepEqual(scanShell('echo `echo "a` b').unclosedQuote, { at: 11, quote: '"' });
    assert.deepEqual(scanShell("echo $(echo ')'").unclosedExpansion, { at: 5, opener: '$(' });
  });

  it('records a braced variable when its brace closes, with nested references inside it', () => {
    const s = scanShell('x ${A:-$B} "${C:-"}"}"');
    assert.deepEqual(s.vars.map((v) => [v.name, v.start, v.end]), [['A', 2, 10], ['B', 7, 9], ['C', 12, 21]]);
    assert.deepEqual(scanShell('x ${A:-1').vars, []);
  });

  it('keeps quoted text out of the unquoted spans, also inside $( … )', () => {
    assert.deepEqual(scanShell('a "b" $(c \'d\') e').unquoted, [[0, 2], [5, 10], [13, 16]]);
  });
});

describe('procfile shell rules on real-world quoting', () => {
  it('report nothing for command substitution inside double quotes', () => {
    const text = [
      'web: node app.js --id="$(hostname)"',
      'worker: celery -A app worker --hostname="$(hostname)"',
      'release: ./bin/migrate "${DATABASE_URL:-$(cat .db)}"',
      'clock: echo "`date`: tick" && node clock.js',
    ].join('\n');
    assert.deepEqual(codes(lintProcfile(text)).filter((c) => SHELL_CODES.includes(c)), []);
  });
});
