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
