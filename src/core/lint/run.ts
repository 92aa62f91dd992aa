// Running one linter on text, shared by the registry (CLI) and the editor's bridge without the registry's imports
// (which would pull every linter into the editor's main bundle).
import { textInputProblem } from './input';
import type { FileKind, Problem } from './types';

export interface LintFile {
  /** Path as the caller knows it (only its base name matters to the linters). */
  path: string;
  text: string;
  /** Reads a file in the same folder by base name; undefined when missing or unreadable. */
  readSibling(name: string): string | undefined;
  /**
   * Whether a file exists at a path relative to the linted file's folder (sub-folders too, forward slashes);
   * undefined when that cannot be told. The CLI and the editor both pass it (heroku.yml's Dockerfiles); without
   * it only bare names are checked, through readSibling.
   */
  fileExists?(relativePath: string): boolean | undefined;
  /** The exact names of the entries in the linted file's folder, when known (see ProcfileLintOptions.siblingNames). */
  siblingNames?(): readonly string[] | undefined;
}

export type LintFunction = (file: LintFile) => Problem[];

/**
 * Runs a linter on text, without overrides or the final step (./finish.ts): one finding when the text is too large
 * or holds a NUL or U+FFFD (./input.ts), else the linter's findings, or one internal-error finding if it throws. Never throws.
 */
export function runLinter(kind: FileKind, fn: LintFunction, file: LintFile): Problem[] {
  const input = textInputProblem(kind, file.text);
  if (input) return [input];
  try {
    return fn(file);
  } catch (err) {
    return [{
      code: `${kind}/internal-error`,
      severity: 'error',
      message: `The ${kind} linter failed on this file: ${failureText(err)}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }];
  }
}

/**
 * What to say about an exception a linter caught. Running out of stack means input nested deeper than any real
 * file (`[[[[…`), not a bug; anything else is a bug to report.
 */
export function failureText(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) return 'it is nested too deeply to check (the linter ran out of stack); nothing in it was checked.';
  return `${err instanceof Error ? err.message : String(err)}. Please report it.`;
}
