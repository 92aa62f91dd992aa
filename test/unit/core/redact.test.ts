import * as assert from 'node:assert/strict';
import { Redactor } from '../../../src/core/redact';

describe('core/redact', () => {
  it('masks registered secrets, longest first', () => {
    const r = new Redactor();
    r.add('abcd1234');
    r.add('abcd1234-extra');
    const out = r.redact('token=abcd1234-extra and abcd1234');
    assert.ok(!out.includes('abcd1234'), out);
  });

  it('masks bearer authorization headers it was not told about', () => {
    const out = new Redactor().redact('{"Authorization":"Bearer 01234567-89ab-cdef-0123-456789abcdef"}');
    assert.ok(!out.includes('01234567-89ab'), out);
  });

  it('leaves ordinary text alone and ignores very short secrets', () => {
    const r = new Redactor();
    r.add('ab');
    assert.equal(r.redact('a web dyno'), 'a web dyno');
  });
});

describe('core/redact: plain-word values', () => {
  it('masks a plain word where it stands alone but not inside another name', () => {
    const r = new Redactor();
    r.add('staging');
    assert.equal(r.redact('Scaled worker of acme-web-staging'), 'Scaled worker of acme-web-staging');
    const out = r.redact('RACK_ENV=staging (was staging)');
    assert.ok(!/=staging|\(was staging/.test(out), out);
  });

  it('masks a random-looking value even inside other text', () => {
    const r = new Redactor();
    r.add('s3cr3tValue42');
    assert.ok(!r.redact('url=postgres://u:s3cr3tValue42@host/db').includes('s3cr3tValue42'));
    assert.ok(!r.redact('xx-s3cr3tValue42-yy').includes('s3cr3tValue42'));
  });

  it('treats regular-expression characters in a plain-word-like value literally', () => {
    const r = new Redactor();
    r.add('a.b*');
    assert.equal(r.redact('a.b* and aXbb'), '•••••••• and aXbb');
  });
});
