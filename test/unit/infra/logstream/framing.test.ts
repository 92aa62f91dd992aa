import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineSplitter, SseFramer, type Framer } from '../../../../src/infra/logstream/framing';
import { EventQueue } from '../../../../src/infra/logstream/queue';

function collect(make: (sink: { line(t: string): void; truncated(n: number): void }) => Framer) {
  const lines: string[] = [];
  const cuts: number[] = [];
  const framer = make({ line: (t) => lines.push(t), truncated: (n) => cuts.push(n) });
  return { framer, lines, cuts };
}

/** `text` cut at the given offsets. */
function chunks(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}

const lineArb = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[\r\n]/.test(s));

describe('infra/logstream: framing', () => {
  it('plain: however the text is cut into chunks, the same whole lines come out (never split, never merged)', () => {
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), (lines, cuts, crlf) => {
      const text = lines.map((l) => l + (crlf ? '\r\n' : '\n')).join('');
      const c = collect((s) => new LineSplitter(s, 1000));
      for (const part of chunks(text, cuts)) c.framer.push(part);
      c.framer.end(true);
      assert.deepEqual(c.lines, lines);
    }), { numRuns: 500 });
  });

  it('plain: a partial line at the end of a dropped stream is discarded; at a clean end it is a whole line', () => {
    const dropped = collect((s) => new LineSplitter(s, 1000));
    dropped.framer.push('one\ntw');
    dropped.framer.end(false);
    assert.deepEqual(dropped.lines, ['one']);
    const clean = collect((s) => new LineSplitter(s, 1000));
    clean.framer.push('one\ntwo');
    clean.framer.end(true);
    assert.deepEqual(clean.lines, ['one', 'two']);
  });

  it('plain: a line past the limit keeps its start, reports the rest, and the next line is intact', () => {
    const c = collect((s) => new LineSplitter(s, 10));
    c.framer.push('0123456789ab');
    c.framer.push('cdef\nnext\n');
    c.framer.end(true);
    assert.deepEqual(c.lines, ['0123456789', 'next']);
    assert.deepEqual(c.cuts, [6]);
  });

  it('SSE: however cut, every event\'s data arrives, whatever its event type; multi-line data gives several lines', () => {
    fc.assert(fc.property(fc.array(lineArb.filter((l) => !l.startsWith(' ')), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 20 }), (lines, cuts) => {
      const text = lines.map((l, i) => `${i % 3 === 0 ? 'event: log\n' : ''}id: ${i}\ndata: ${l}\n\n`).join('') + ': keep-alive comment\n\n';
      const c = collect((s) => new SseFramer(s, 1000));
      for (const part of chunks(text, cuts)) c.framer.push(part);
      c.framer.end(true);
      assert.deepEqual(c.lines, lines);
    }), { numRuns: 500 });
    const m = collect((s) => new SseFramer(s, 1000));
    m.framer.push('data: first\ndata: second\n\ndata: \n\n');
    assert.deepEqual(m.lines, ['first', 'second']);
  });

  it('SSE: an event that never ends is given up past the limit; later events still arrive', () => {
    const c = collect((s) => new SseFramer(s, 100));
    c.framer.push('data: ok\n\ndata: ');
    c.framer.push('x'.repeat(300));
    c.framer.push('y'.repeat(50) + '\n\ndata: after\n\n');
    c.framer.end(true);
    assert.deepEqual(c.lines, ['ok', 'after']);
    assert.equal(c.cuts.length, 1);
    assert.ok(c.cuts[0] >= 350);
  });
});

describe('infra/logstream: event queue', () => {
  it('pause mode: asks to pause at the high-water mark and to resume below half of it, losing nothing', async () => {
    const calls: boolean[] = [];
    const q = new EventQueue({ highWaterChars: 100, overflow: 'pause', maxChars: 0 }, (p) => calls.push(p));
    for (let i = 0; i < 20; i++) q.pushLine('x'.repeat(9));
    assert.deepEqual(calls, [true]);
    assert.ok(q.isPaused);
    const e = await q.next();
    assert.ok(e?.kind === 'lines' && e.lines.length === 20);
    assert.deepEqual(calls, [true, false]);
  });

  it('drop mode: drops past the cap and says how many, exactly where the gap is', async () => {
    const q = new EventQueue({ highWaterChars: 0, overflow: 'drop', maxChars: 50 }, () => assert.fail('drop mode never pauses'));
    for (let i = 0; i < 10; i++) q.pushLine(`line-${i}`); // 7 chars + 1: 7 fit below 50
    const first = await q.next();
    assert.ok(first?.kind === 'lines');
    q.pushLine('after');
    q.close();
    const rest: unknown[] = [];
    for (let e = await q.next(); e; e = await q.next()) rest.push(e);
    const kept = first.lines.length;
    assert.deepEqual(rest, [{ kind: 'dropped', count: 10 - kept, text: `— ${10 - kept} lines dropped: the reader could not keep up —` }, { kind: 'lines', lines: ['after'] }]);
  });
});
