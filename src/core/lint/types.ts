// The shape every linter in core returns: plain data, 0-based positions, no vscode.
// The vscode layer turns these into vscode.Diagnostic; the CLI prints them (1-based) as text, JSON or SARIF.
import { overrideLevel } from './overrides';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based UTF-16 column */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Edits to the linted file itself. */
  edits?: TextEdit[];
  /** Rename the linted file to this base name (e.g. "Procfile"). */
  renameTo?: string;
  /**
   * Set the file's line endings to LF. Editors turn the line breaks of inserted text into the document's own
   * (VS Code keeps CRLF for `\r\n` -> `\n` edits), so an editor applies this instead of `edits`; `edits` spell out
   * the same change for tools that apply text literally.
   */
  eol?: 'lf';
  /** Preferred fix (shown first, applied by "Fix all"). */
  isPreferred?: boolean;
}

export interface Problem {
  /** Stable code, e.g. "procfile/duplicate-process-type", "appjson/unknown-stack". */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  /** Extra locations that matter to this problem (e.g. the first declaration of a duplicate). */
  related?: { file?: string; range: Range; message: string }[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export type FileKind = 'procfile' | 'appjson' | 'herokuyml';

/** Per-rule user overrides from `heroku.lint.rules`: a severity, or "off". */
export type RuleOverrides = Record<string, Severity | 'off'>;

/** Applies overrides; a value that names no level (e.g. a hand-written "loud") leaves the problem as it is. */
export function applyOverrides(problems: Problem[], overrides: RuleOverrides | undefined): Problem[] {
  if (!overrides) return problems;
  const out: Problem[] = [];
  for (const p of problems) {
    const o = Object.prototype.hasOwnProperty.call(overrides, p.code) ? overrideLevel(overrides[p.code]) : undefined;
    if (o === 'off') continue;
    out.push(o ? { ...p, severity: o } : p);
  }
  return out;
}

export function range(line: number, startCol: number, endLine: number, endCol: number): Range {
  return { start: { line, character: startCol }, end: { line: endLine, character: endCol } };
}
