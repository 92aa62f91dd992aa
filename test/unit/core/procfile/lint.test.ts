import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lintProcfile } from '../../../../src/core/procfile/lint';
import { parseProcfile } from '../../../../src/core/procfile/parser';
import type { Range } from '../../../../src/core/lint/types';
import { PROCFILE_RULES } from '../../../../src/core/procfile/rules/index';
import { entryRule, type ProcfileRule } from '../../../../src/core/procfile/rules/types';
import { scanShell } from '../../../../src/core/procfile/shell';
import { codes } from './helpers';

describe('lintProcfile: directives, overrides, honesty', () => {
  it('silences the next non-blank line with a directive (prefix optional, several codes)', () => {
    const text = '# heroku-lint-disable-next-line fixed-port, procfile/heroku-local-comment\n\nweb: rails s -p 3000\nweb2: x -p 3000\n';
    assert.deepEqual(codes(lintProcfile(text)).filter((c) => c === 'procfile/fixed-port'), []);
    const unsilenced = lintProcfile('web: rails s -p 3000\n# heroku-lint-disable-next-line fixed-port\n');
    assert.deepEqual(codes(unsilenced).filter((c) => c === 'procfile/fixed-port'), ['procfile/fixed-port']);
  });

  it('silences a whole file, for all rules when no code is given', () => {
    assert.deepEqual(lintProcfile('# heroku-lint-disable\nweb: rails s -p 3000\n"x: y"\n'), []);
    const only = lintProcfile('# heroku-lint-disable procfile/fixed-port\nweb: rails s -p 3000\nweb : y\n');
    assert.ok(!codes(only).includes('procfile/fixed-port'));
    assert.ok(codes(only).includes('procfile/space-before-colon'));
  });

  it('applies RuleOverrides: change a severity or turn a rule off', () => {
    const text = 'web: rails s -p 3000\ncelery-beat: celery beat\n';
    const out = lintProcfile(text, { overrides: { 'procfile/fixed-port': 'warning', 'procfile/heroku-local-name': 'off' } });
    assert.deepEqual(out.map((p) => [p.code, p.severity]), [['procfile/fixed-port', 'warning']]);
  });

  it('does not flag web commands that read PORT themselves, nor ports in URLs or other processes', () => {
    const text = [
      'web: npm start',
      'web2: bundle exec puma -C config/puma.rb',
      'web3: gunicorn app.wsgi --log-file -',
      'web4: REDIS_URL=redis://localhost:6379 node server.js',
      'worker: node worker.js --port 9000',
      'web5: vendor/bin/heroku-php-apache2 public/',
      'web6: java -Dserver.port=$PORT -jar target/app.jar',
      'web7: uvicorn main:app --host=0.0.0.0 --port=${PORT:-5000}',
    ].join('\n');
    const found = codes(lintProcfile(text)).filter((c) => ['procfile/fixed-port', 'procfile/localhost-bind', 'procfile/port-without-dollar'].includes(c));
    assert.deepEqual(found, []);
  });

  it('flags the usual fixed ports of a web process', () => {
    for (const cmd of ['gunicorn -b 0.0.0.0:8000 app:app', 'PORT=5000 node index.js', 'java -Dserver.port=8080 -jar a.jar', 'php -S 0.0.0.0:8000', 'rails server --port=3000']) {
      assert.ok(codes(lintProcfile(`web: ${cmd}\n`)).includes('procfile/fixed-port'), cmd);
    }
  });

  it('reports problems sorted by position with 0-based ranges inside the text', () => {
    const text = 'web: a &&\nweb : b\n';
    const out = lintProcfile(text);
    const starts = out.map((p) => p.range.start.line * 1000 + p.range.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });
});

/** Positions as the parser counts them: lines split at `\n` (a `\r` right before it is not part of the line). */
function assertInside(text: string, r: Range, what: string): void {
  const parts = text.split('\n');
  const lines = parts.map((l, i) => (i < parts.length - 1 && l.endsWith('\r') ? l.slice(0, -1) : l));
  for (const pos of [r.start, r.end]) {
    assert.ok(pos.line >= 0 && pos.line < lines.length, `${what}: line ${pos.line} of ${lines.length}`);
    assert.ok(pos.character >= 0 && pos.character <= lines[pos.line].length, `${what}: column ${pos.character} of ${lines[pos.line].length} on line ${pos.line}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: range ends before it starts`);
}

describe('parser and rules never throw (property)', () => {
  const alphabet = fc.constantFrom('web', 'worker', ':', ' ', '\t', '\n', '\r\n', '\r', '#', '"', "'", '`', '\\', '$', '{', '}', '(', ')', '${', '$(', '&&', '|', '&', 'PORT', '-p', '3000', '0.0.0.0', 'localhost', '{{', '%}', '\uFEFF', 'é', '\uD800', '//', '-', '_');
  const procfileish = fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join(''));

  it('on random Procfile-like text and arbitrary strings: no internal error, every range inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(procfileish, fc.string({ unit: 'binary', maxLength: 200 })), fc.constantFrom(undefined, 'Procfile', 'procfile', 'Procfile.txt', 'Procfile.dev'), (text, fileName) => {
        const doc = parseProcfile(text);
        for (const e of doc.entries) {
          const line = doc.lines[e.line].text;
          assert.equal(line.slice(e.nameRange.start.character, e.nameRange.end.character), e.name);
          assert.equal(line.slice(e.commandRange.start.character, e.commandRange.end.character), e.command);
        }
        // lintProcfile turns a throwing rule into an internal-error finding instead of throwing: none may appear.
        const problems = lintProcfile(text, { fileName, readSibling: () => undefined });
        for (const p of problems) {
          assert.notEqual(p.code, 'procfile/internal-error', p.message);
          assertInside(text, p.range, p.code);
          for (const r of p.related ?? []) assertInside(text, r.range, `${p.code} related`);
          for (const f of p.fixes ?? []) for (const e of f.edits ?? []) assertInside(text, e.range, `${p.code} fix "${f.title}"`);
        }
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('a rule that throws becomes one procfile/internal-error finding and the other rules still report', () => {
    const boom: ProcfileRule = { name: 'boom', severity: 'warning', summary: 'throws', check() { throw new Error('kaboom'); } };
    const perEntry = entryRule({ name: 'boom-entry', severity: 'warning', summary: 'throws on each entry', checkEntry() { throw new Error('per entry'); } });
    const text = 'web: rails s -p 3000\nworker: node w.js\n';
    const out = lintProcfile(text, {}, parseProcfile(text), [boom, ...PROCFILE_RULES, perEntry]);
    const internal = out.filter((p) => p.code === 'procfile/internal-error');
    assert.deepEqual(internal.map((p) => p.severity), ['error', 'error']);
    assert.match(internal.map((p) => p.message).join('\n'), /procfile\/boom failed on this file, so its findings are missing: kaboom\. Please report it\.[^]*procfile\/boom-entry failed on this file, so its findings are missing: per entry\./);
    assert.ok(codes(out).includes('procfile/fixed-port'));
  });

  it('every rule survives random input on its own', () => {
    fc.assert(
      fc.property(procfileish, (text) => {
        const doc = parseProcfile(text);
        for (const rule of PROCFILE_RULES) {
          rule.check({ text, doc, options: { fileName: 'procfile' }, scan: (i) => scanShell(doc.entries[i].command), explained: new Set(), report: () => undefined });
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
