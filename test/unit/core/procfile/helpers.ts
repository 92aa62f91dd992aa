// Test helpers: apply a Fix's edits to text (as an editor would) and pick problems by code.
import type { Fix, Problem, TextEdit } from '../../../../src/core/lint/types';

export function offsetAt(text: string, line: number, character: number): number {
  let off = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return Math.min(off + character, text.length);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const spans = edits
    .map((e) => ({ s: offsetAt(text, e.range.start.line, e.range.start.character), e: offsetAt(text, e.range.end.line, e.range.end.character), t: e.newText }))
    .sort((a, b) => b.s - a.s);
  let out = text;
  for (const x of spans) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

export function applyFix(text: string, fix: Fix | undefined): string {
  if (!fix?.edits) throw new Error('no edits in fix');
  return applyEdits(text, fix.edits);
}

export function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}
