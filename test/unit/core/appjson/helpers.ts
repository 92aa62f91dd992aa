// Small helpers for the app.json tests (not a test file itself).
import type { Problem } from '../../../../src/core/lint/types';
import { lintAppJson } from '../../../../src/core/appjson/lint';

export function lint(text: string, siblings: Record<string, string> = {}): Problem[] {
  return lintAppJson({ text, readSibling: (n) => siblings[n] });
}

export function lintValue(value: unknown, siblings: Record<string, string> = {}): Problem[] {
  return lint(JSON.stringify(value, null, 2), siblings);
}

export function codes(problems: Problem[]): string[] {
  return problems.map((p) => p.code);
}

/** The text a problem's range covers (single-line ranges). */
export function covered(text: string, p: Problem): string {
  const line = text.split('\n')[p.range.start.line];
  return line.slice(p.range.start.character, p.range.end.line === p.range.start.line ? p.range.end.character : undefined);
}
