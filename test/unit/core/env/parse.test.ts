import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { envProblems, envToMap, parseEnv, serializeEnv } from '../../../../src/core/env/parse';

const SAMPLE = [
  '# database',
  'export DATABASE_URL=postgres://u:p@h:5432/db',
  '',
  "SINGLE='it is $HOME'",
  'DOUBLE="line1\\nline2 \\"q\\""',
  'SPACED = spaced value   # trailing comment',
  'HASH=abc#def',
  'MULTI="first',
  'second"',
  'not a pair',
  'EMPTY=',
  'LAST=no-newline',
].join('\n');

describe('core/env/parse', () => {
  it('reads keys, values, quoting and export prefixes', () => {
    const m = envToMap(parseEnv(SAMPLE));
    assert.equal(m.get('DATABASE_URL'), 'postgres://u:p@h:5432/db');
    assert.equal(m.get('SINGLE'), 'it is $HOME');
    assert.equal(m.get('DOUBLE'), 'line1\nline2 "q"');
    assert.equal(m.get('SPACED'), 'spaced value');
    assert.equal(m.get('HASH'), 'abc#def');
    assert.equal(m.get('MULTI'), 'first\nsecond');
    assert.equal(m.get('EMPTY'), '');
    assert.equal(m.get('LAST'), 'no-newline');
    const exported = parseEnv(SAMPLE).entries.find((e) => e.kind === 'pair' && e.key === 'DATABASE_URL');
    assert.ok(exported && exported.kind === 'pair' && exported.exported);
  });

  it('keeps invalid lines and reports them with their line number', () => {
    const doc = parseEnv(SAMPLE);
    assert.deepEqual(envProblems(doc).map((p) => p.line), [9]);
  });

  it('round-trips the sample byte-for-byte, including CRLF', () => {
    assert.equal(serializeEnv(parseEnv(SAMPLE)), SAMPLE);
    const crlf = SAMPLE.replace(/\n/g, '\r\n') + '\r\n';
    assert.equal(serializeEnv(parseEnv(crlf)), crlf);
    assert.equal(parseEnv(crlf).eol, '\r\n');
    assert.equal(envToMap(parseEnv(crlf)).get('MULTI'), 'first\nsecond');
  });

  it('an unterminated quote is one invalid line, the rest still parses', () => {
    const doc = parseEnv('A="open\nB=2\n');
    assert.equal(envToMap(doc).get('B'), '2');
    assert.equal(envToMap(doc).has('A'), false);
    assert.equal(envProblems(doc).length, 1);
  });

  it('the last assignment of a key wins', () => {
    assert.equal(envToMap(parseEnv('A=1\nA=2\n')).get('A'), '2');
  });

  it('unescapes double-quoted values as heroku local users expect; single quotes stay literal', () => {
    const m = envToMap(parseEnv([
      'NL="a\\nb"', 'TAB="a\\tb"', 'CR="a\\rb"', 'BS="a\\\\nb"', 'QUOTE="say \\"hi\\""', 'DOLLAR="\\$HOME"',
      'UNKNOWN="a\\qb"', "SINGLE='a\\nb'", 'BACKTICK=`a b`', 'HASHQ="a # b" # comment',
    ].join('\n')));
    assert.equal(m.get('NL'), 'a\nb');
    assert.equal(m.get('TAB'), 'a\tb');
    assert.equal(m.get('CR'), 'a\rb');
    assert.equal(m.get('BS'), 'a\\nb');
    assert.equal(m.get('QUOTE'), 'say "hi"');
    assert.equal(m.get('DOLLAR'), '$HOME');
    assert.equal(m.get('UNKNOWN'), 'a\\qb');
    assert.equal(m.get('SINGLE'), 'a\\nb');
    assert.equal(m.get('BACKTICK'), 'a b');
    assert.equal(m.get('HASHQ'), 'a # b');
  });

  it('reads a first key after a byte order mark, and keeps the mark when serializing', () => {
    const text = '\uFEFFFIRST=1\nSECOND=2\n';
    const doc = parseEnv(text);
    assert.equal(envToMap(doc).get('FIRST'), '1');
    assert.deepEqual(envProblems(doc), []);
    assert.equal(serializeEnv(doc), text);
  });

  it('round-trips any text byte-for-byte (property)', () => {
    const chars = fc.constantFrom('A', 'b', '_', '=', ' ', '\t', '#', '"', "'", '`', '\\', '\n', '\r\n', 'export ', 'x', '$');
    fc.assert(fc.property(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), (text) => {
      assert.equal(serializeEnv(parseEnv(text)), text);
    }), { numRuns: 500 });
  });
});
