// The decoders that check each Platform API body once, where it enters: required fields reject, optional ones
// that do not fit are left out, fields nobody reads are dropped, and nothing ever throws.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEntries, decodeItems, either, nullable, oneOf, opt, shape, str, word } from '../../../../src/core/heroku/decode/kit';
import * as decode from '../../../../src/core/heroku/decode/resources';

describe('core/heroku/decode', () => {
  it('shape: required fields reject the object, optional ones are left out, unknown ones dropped', () => {
    const d = shape<{ id: string; note?: string | null }>('thing', { id: word, note: opt(nullable(str)) });
    assert.deepEqual(d({ id: 'a', note: null, extra: 1 }), { id: 'a', note: null });
    assert.deepEqual(d({ id: 'a', note: 7 }), { id: 'a' });
    assert.equal(d({ note: 'x' }), undefined);
    assert.equal(d({ id: '' }), undefined, 'an empty id is no id');
    assert.equal(d([{ id: 'a' }]), undefined);
    assert.equal(d.what, 'thing');
  });

  it('either, oneOf and nullable keep null apart from "does not fit"', () => {
    assert.equal(nullable(word)(null), null);
    assert.equal(nullable(word)(3), undefined);
    assert.equal(oneOf('a', 'b')('c'), undefined);
    assert.equal(either(oneOf('a'), word)('zz'), 'zz');
  });

  it('lists: the items that fit, and how many did not; a body that is not a list is undefined', () => {
    assert.deepEqual(decodeItems([{ id: 'x', name: 'a' }, null, { name: 'b' }], decode.app), { items: [{ id: 'x', name: 'a' }], skipped: 2 });
    assert.equal(decodeItems({ id: 'x' }, decode.app), undefined);
    assert.deepEqual(decodeEntries({ A: 'x', B: 5, C: null }, str), { entries: { A: 'x' }, skipped: 2 });
  });

  it('an app keeps what it can show: a team that is a string, a region without a name are left out', () => {
    const app = decode.app({ id: 'x1', name: 'shop', team: 'acme', region: { id: 'r' }, stack: { name: 'heroku-24' }, maintenance: 'no', web_url: null, space: null });
    assert.deepEqual(app, { id: 'x1', name: 'shop', stack: { name: 'heroku-24' }, web_url: null, space: null });
  });

  it('a coupling needs its app, pipeline and a known stage; a promotion target keeps Heroku\'s error text', () => {
    const c = { id: 'c', app: { id: 'a' }, pipeline: { id: 'p' }, stage: 'staging' };
    assert.deepEqual(decode.coupling(c), c);
    assert.equal(decode.coupling({ ...c, stage: 'qa' }), undefined);
    assert.equal(decode.coupling({ ...c, app: 'a' }), undefined);
    assert.deepEqual(decode.promotionTarget({ app: { id: 'a' }, status: 'failed', error_message: 'Slug missing', release: null }),
      { app: { id: 'a' }, status: 'failed', error_message: 'Slug missing', release: null });
  });

  it('the version=3 generation object and the 3.sdk string both decode', () => {
    assert.deepEqual(decode.app({ id: 'a', name: 'b', generation: 'cedar' })?.generation, 'cedar');
    assert.deepEqual(decode.app({ id: 'a', name: 'b', generation: { id: 'g', name: 'fir' } })?.generation, { id: 'g', name: 'fir' });
  });

  it('never throws, whatever JSON comes in (property)', () => {
    const decoders = Object.values(decode);
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      for (const d of decoders) {
        const out = d(v);
        assert.ok(out === undefined || (typeof out === 'object' && out !== null));
      }
      decodeItems(v, decode.release);
    }), { numRuns: 300 });
  });
});
