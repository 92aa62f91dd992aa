// What a Procfile rule sees and how it reports. Rules are plain functions over the parsed document.
import type { Fix, Problem, Range, Severity } from '../../lint/types';
import type { ProcfileDocument, ProcfileEntry } from '../parser';
import type { ShellScan } from '../shell';

export interface ProcfileLintOptions {
  /** Base name of the file (e.g. "Procfile", "procfile", "Procfile.dev"); enables the file-name rules. */
  fileName?: string;
  /** Reads a file next to the Procfile (by base name), or undefined. */
  readSibling?(name: string): string | undefined;
}

export interface RuleContext {
  text: string;
  doc: ProcfileDocument;
  options: ProcfileLintOptions;
  /** Shell scan of each entry's command, by entry index (computed once). */
  scan(entryIndex: number): ShellScan;
  /** Line numbers already explained by a more specific rule (so `invalid-line` stays quiet there). */
  explained: Set<number>;
  report(problem: Omit<Problem, 'code' | 'severity'> & { severity?: Severity }): void;
}

export interface ProcfileRule {
  /** Stable code without the "procfile/" prefix. */
  name: string;
  severity: Severity;
  /** One line for docs, SARIF help and hovers. */
  summary: string;
  check(ctx: RuleContext): void;
}

export type { Fix, Problem, Range, ProcfileEntry };
