import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findMachine, parseNetrc } from '../../../../src/core/auth/netrc';

describe('core/auth netrc parser', () => {
  it('reads the Heroku CLI layout (one key per line)', () => {
    const n = parseNetrc('machine api.heroku.com\n  login dana@example.com\n  password HRKU-aaaa\nmachine git.heroku.com\n  login dana@example.com\n  password HRKU-aaaa\n');
    assert.equal(findMachine(n, 'api.heroku.com')?.password, 'HRKU-aaaa');
    assert.equal(findMachine(n, 'api.heroku.com')?.login, 'dana@example.com');
    assert.equal(n.machines.length, 2);
    assert.deepEqual(n.warnings, []);
  });

  it('accepts several machines on one line, comments, blank lines, CRLF and a BOM', () => {
    const text = '\uFEFF# my creds\r\n\r\nmachine example.com login a password b machine api.heroku.com login me password tok-1 # trailing\r\n\r\n';
    const n = parseNetrc(text);
    assert.equal(findMachine(n, 'API.Heroku.com')?.password, 'tok-1');
    assert.equal(findMachine(n, 'example.com')?.password, 'b');
    assert.deepEqual(n.warnings, []);
  });

  it('keeps default apart, skips macdef bodies up to the blank line', () => {
    const text = [
      'default login anon password anonpass',
      'macdef init',
      'machine evil.example.com password not-a-real-entry',
      'cd /pub',
      '',
      'machine api.heroku.com password real-token',
    ].join('\n');
    const n = parseNetrc(text);
    assert.equal(n.default?.password, 'anonpass');
    assert.equal(n.default?.machine, undefined);
    assert.equal(findMachine(n, 'evil.example.com'), undefined, 'macdef text is not parsed as entries');
    assert.equal(findMachine(n, 'api.heroku.com')?.password, 'real-token');
  });

  it('reads quoted values with spaces and escapes', () => {
    const n = parseNetrc('machine api.heroku.com login "Dana D" password "a\\"b c"');
    assert.equal(findMachine(n, 'api.heroku.com')?.login, 'Dana D');
    assert.equal(findMachine(n, 'api.heroku.com')?.password, 'a"b c');
  });

  it('the first matching machine wins', () => {
    const n = parseNetrc('machine api.heroku.com password first\nmachine api.heroku.com password second');
    assert.equal(findMachine(n, 'api.heroku.com')?.password, 'first');
  });

  it('reports broken input as warnings without echoing values', () => {
    const n = parseNetrc('password s3cret-outside\nmachine api.heroku.com password');
    assert.equal(n.warnings.length, 2);
    assert.ok(n.warnings.every((w) => !w.includes('s3cret')));
    assert.match(n.warnings[0], /line 1: "password" outside a machine/);
    assert.match(n.warnings[1], /line 2: "password" without a value/);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const n = parseNetrc(s);
      return Array.isArray(n.machines) && Array.isArray(n.warnings);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.array(fc.constantFrom('machine', 'default', 'login', 'password', 'macdef', 'x', '#', '"', '\n', ' ', '\n\n')), (parts) => {
      parseNetrc(parts.join(' '));
      return true;
    }), { numRuns: 500 });
  });
});
