import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { LocalView, type Out } from '../../../src/cli/local/view';
import { linePrefix, prefixLines, timeOfDay } from '../../../src/core/runner/output';

/** A stream that keeps every chunk it is given as it is (no copy), as a queued stream does, and reports what is
 *  queued: `queued` true makes every write stay queued until `drain()`. */
class KeepingOut implements Out {
  chunks: Array<string | Uint8Array> = [];
  queued = false;
  private pending = 0;
  private drains: Array<() => void> = [];

  get writableLength(): number {
    return this.pending;
  }

  write(s: string | Uint8Array): boolean {
    this.chunks.push(s);
    if (!this.queued) return true;
    this.pending += typeof s === 'string' ? Buffer.byteLength(s) : s.length;
    return this.pending < 16 * 1024;
  }

  once(_event: 'drain', listener: () => void): void {
    this.drains.push(listener);
  }

  drain(): void {
    this.pending = 0;
    const ds = this.drains;
    this.drains = [];
    for (const d of ds) d();
  }

  text(): string {
    return this.chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
  }
}

/** The output with every time of day taken out (it may change between two lines). */
const timeless = (s: string) => s.replace(/\d\d:\d\d:\d\d /g, 'T ');
const prefix = (name: string, width: number, colour?: string) => linePrefix(timeOfDay(new Date()), name, width, colour);

describe('cli/local/view: the local runner\'s output', () => {
  it('prefixes every line whole: plain ASCII, controls escaped, UTF-8, CRLF, colours kept only with colour on', () => {
    const cases: Array<[string, boolean]> = [
      ['plain\tline\nanother\n', false],
      ['bell\x07 and \x1b]0;title\x07\n', false],
      ['caf\u00e9 \u2713 \u{1f680} c1 \u009b\n', false],
      ['windows\r\nline\r\n', false],
      ['\x1b[31mred\x1b[0m plain\n', false],
      ['\x1b[31mred\x1b[0m plain\n', true],
    ];
    for (const [text, colour] of cases) {
      const out = new KeepingOut();
      const view = new LocalView(out, ['web.1'], colour);
      view.lines('web.1', Buffer.from(text));
      view.flush();
      assert.equal(timeless(out.text()), timeless(prefixLines(text, prefix('web.1', 6, colour ? '35' : undefined), colour)), JSON.stringify(text));
    }
  });

  it('writes each block whole and in order, plain or not, notes between them (property)', () => {
    const line = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 })).map((s) => s.replace(/\n/g, ''));
    const block = fc.tuple(fc.constantFrom('web.1', 'worker.1'), fc.array(line, { minLength: 1, maxLength: 20 }));
    fc.assert(fc.property(fc.array(block, { maxLength: 30 }), fc.boolean(), (blocks, colour) => {
      const out = new KeepingOut();
      const view = new LocalView(out, ['web.1', 'worker.1'], colour);
      let expected = '';
      for (const [name, lines] of blocks) {
        const text = lines.map((l) => l + '\n').join('');
        view.lines(name, Buffer.from(text));
        expected += prefixLines(text, prefix(name, 8, colour ? (name === 'web.1' ? '35' : '34') : undefined), colour);
        view.note('between');
        expected += prefix('runner', 8) + 'between\n';
      }
      view.flush();
      assert.equal(timeless(out.text()), timeless(expected));
    }), { numRuns: 200 });
  });

  it('never changes bytes a stream still holds: a queued write keeps its buffer, later output goes elsewhere', () => {
    const out = new KeepingOut();
    out.queued = true;
    let pauses = 0;
    const view = new LocalView(out, ['web.1'], false, (drained) => { pauses++; void drained; });
    let expected = '';
    for (let i = 0; i < 200; i++) {
      // ~20 KB a block: each is written at once, and stays queued (held, not copied, by KeepingOut).
      const text = Array.from({ length: 400 }, (_, k) => `line ${i}.${k} ${'x'.repeat(k % 50)}\n`).join('');
      view.lines('web.1', Buffer.from(text));
      expected += prefixLines(text, prefix('web.1', 6), false);
      if (i % 50 === 49) out.drain();
    }
    view.flush();
    assert.equal(timeless(out.text()), timeless(expected));
    assert.ok(pauses > 0, 'the processes were asked to wait while the stream was behind');
    // The working buffer (the byte path's WebAssembly memory, 768 KB) went to the stream once; copies after that,
    // not a new working memory per write.
    const working = new Set(out.chunks.flatMap((c) => (typeof c !== 'string' && c.buffer.byteLength >= 512 * 1024 ? [c.buffer] : [])));
    assert.equal(working.size, 1);
  });

  it('without WebAssembly every block takes the text path, with the same output', () => {
    const blocks = ['plain\tline\n' + 'x'.repeat(40) + '\n', 'bell\x07\n'];
    const g = globalThis as { WebAssembly?: unknown };
    const wasm = g.WebAssembly;
    delete g.WebAssembly;
    try {
      const out = new KeepingOut();
      const view = new LocalView(out, ['web.1'], false);
      for (const b of blocks) view.lines('web.1', Buffer.from(b));
      view.flush();
      assert.equal(timeless(out.text()), timeless(blocks.map((b) => prefixLines(b, prefix('web.1', 6), false)).join('')));
    } finally {
      g.WebAssembly = wasm;
    }
  });

  it('a small write waits for the end of the turn (one write for many lines), a large one goes at once', async () => {
    const out = new KeepingOut();
    const view = new LocalView(out, ['web.1'], false);
    view.lines('web.1', Buffer.from('one\n'));
    view.lines('web.1', Buffer.from('two\n'));
    assert.equal(out.chunks.length, 0);
    await new Promise((r) => setImmediate(r));
    assert.equal(out.chunks.length, 1);
    assert.match(out.text(), /\| one\n.*\| two\n$/);
    view.lines('web.1', Buffer.from('y'.repeat(20000) + '\n'));
    assert.equal(out.chunks.length, 2);
  });
});
