/* eslint-disable no-control-regex -- these tests are about control characters */
// Property tests: the parser and the formatter are total (random text, random bytes decoded as UTF-8, huge lines)
// and never let a control character through. Speed belongs to bench/logs-parse.bench.ts, not here.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileLogFilter } from '../../../../src/core/logs/filter';
import { safeJson, toJsonRecord } from '../../../../src/core/logs/json';
import { parseLogLine } from '../../../../src/core/logs/parse';
import { ansiText, plainText } from '../../../../src/core/logs/render';
import { RecentLines, ResyncWindow } from '../../../../src/core/logs/resync';
import { severityOf } from '../../../../src/core/logs/severity';

const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Pieces real lines are made of, so random lines often get past the header and into the pairs. */
const piece = fc.oneof(
  fc.constantFrom('2026-11-24T06:31:26.123456+00:00 ', '2010-10-06T21:51:12-07:00 ', '<40>1 ', '83 ', 'Jan 08 10:55:11 h ', 'heroku', 'app', '[router]: ', '[web.1]: ',
    '[web-1234abcde-123ab]', ' - ', 'at=error ', 'code=H12 ', 'desc="', '"', '\\', '=', ' ', 'status=503 ', 'Error R14 (', '\x1b[31m', '\u202e', '\r'),
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const lineArb = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const bytesArb = fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8'));

function checkTotal(line: string): void {
  const p = parseLogLine(line);
  assert.equal(typeof p.message, 'string');
  const plain = plainText(p);
  assert.doesNotMatch(plain, CONTROL);
  assert.equal(strip(ansiText(p)), plain);
  assert.doesNotMatch(safeJson(toJsonRecord(p)), CONTROL);
  severityOf(p);
  const f = compileLogFilter({ text: 'a', errorsOnly: true, dyno: 'web' });
  assert.ok(f.ok);
  f.filter(p);
}

describe('core/logs: properties', () => {
  it('never throws and never outputs a control character, on line-like text', () => {
    fc.assert(fc.property(lineArb, (l) => checkTotal(l)), { numRuns: 3000 });
  });

  it('never throws on random bytes decoded as UTF-8 (invalid sequences become U+FFFD)', () => {
    fc.assert(fc.property(bytesArb, (l) => checkTotal(l)), { numRuns: 2000 });
  });

  it('handles huge lines of every shape (1 MB+) without throwing', () => {
    const big = 'y'.repeat(1 << 20);
    for (const head of ['', '2026-11-24T06:31:26+00:00 app[web.1]: ', '2026-11-24T06:31:26+00:00 heroku[router]: at=info path="', '<40>1 2026-11-24T06:31:26+00:00 host app web.1 - ', '2026-11-24T06:31:26+00:00 ', 'Jan 08 10:55:11 h heroku/web.1: ']) {
      checkTotal(head + big);
      checkTotal(head + 'a=b '.repeat(1 << 18));
      checkTotal(head + '['.repeat(1 << 20));
    }
  });

  it('resync: a replay of older lines, a suffix of what was delivered, then new lines yields exactly the new lines', () => {
    // Lines are unique in practice (microsecond timestamps).
    const unique = fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 80 });
    fc.assert(fc.property(
      unique.chain((all) => fc.tuple(fc.nat(all.length - 1), fc.nat(all.length), fc.nat(all.length)).map(([a, b, keep]) => ({ all, a, b, keep }))),
      ({ all, a, b, keep }) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const older = all.slice(0, lo);
        const delivered = all.slice(lo, Math.max(hi, lo + 1));
        const fresh = all.slice(Math.max(hi, lo + 1));
        const replay = [...older, ...delivered.slice(Math.max(0, delivered.length - keep - 1)), ...fresh];
        const w = new ResyncWindow(delivered, 1500);
        let closedAt = -1;
        replay.forEach((l, i) => { if (w.accept(l) && closedAt < 0) closedAt = i; });
        if (!w.done) w.finish();
        const r = w.result();
        const after = closedAt < 0 ? [] : replay.slice(closedAt + 1);
        assert.deepEqual([...r.lines, ...after], fresh);
        assert.equal(r.missing, false);
      },
    ), { numRuns: 1000 });
  });

  it('resync: memory stays bounded by characters, for the remembered lines and for the held ones', () => {
    const r = new RecentLines(1500, 100);
    for (let i = 0; i < 50; i++) r.add(`line ${i} ${'x'.repeat(20)}`);
    const kept = r.toArray();
    assert.ok(kept.length < 10 && kept.at(-1) === `line 49 ${'x'.repeat(20)}`, `${kept.length} kept`);
    const w = new ResyncWindow(['a'], 1500, 100);
    let closed = false;
    for (let i = 0; i < 20 && !closed; i++) closed = w.accept(`new ${i} ${'y'.repeat(20)}`);
    assert.ok(closed && w.result().missing);
  });

  it('resync: without any of our lines in the replay, everything is new and lines may be missing', () => {
    const w = new ResyncWindow(['x', 'y'], 3);
    assert.deepEqual(['p', 'q', 'r', 's'].map((l) => w.accept(l)), [false, false, true, false]);
    assert.deepEqual(w.result(), { lines: ['p', 'q', 'r'], missing: true });
  });

  it('resync: a repeated last line is matched at its last copy or after the line before it; a cut line is recovered', () => {
    const w = new ResyncWindow(['A', 'B', 'A'], 1500);
    assert.deepEqual(['A', 'B', 'A'].map((l) => w.accept(l)), [false, false, true]);
    const v = new ResyncWindow(['A', 'B', 'A'], 1500);
    assert.deepEqual(['B', 'A'].map((l) => v.accept(l)), [false, true]);
    const u = new ResyncWindow(['old', 'm1', 'm2'], 1500);
    for (const l of ['older', 'old', 'm1', 'cut-in-half', 'm2']) u.accept(l);
    assert.deepEqual(u.result(), { lines: ['cut-in-half'], missing: false });
  });
});
