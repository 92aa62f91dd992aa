// Positions shared by the linters (app.json, heroku.yml): offset <-> 0-based line/character for one text (UTF-16
// offsets, as jsonc-parser and yaml give them), and problems in document order.
import type { Problem, Range } from './types';

export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Built on first use (a 1 MB file that needs no position pays nothing). */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    const hasCr = text.includes('\r');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    if (hasCr) {
      // Lone CRs end lines too (CRLF is already counted at its LF).
      for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      starts.sort((a, b) => a - b);
    }
    return (this.lineStarts = starts);
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

/** Problems in document order. */
export function byPosition(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
