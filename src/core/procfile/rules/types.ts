// What a Procfile rule sees and how it reports. Rules are plain functions over the parsed document.
import type { Fix, Problem, Range, Severity } from '../../lint/types';
import type { ProcfileDocument, ProcfileEntry } from '../parser';
import type { ShellScan } from '../shell';

export interface ProcfileLintOptions {
  /** Base name of the file (e.g. "Procfile", "procfile", "Procfile.dev"); enables the file-name rules. */
  fileName?: string;
  /** Reads a file next to the Procfile (by base name), or undefined. */
  readSibling?(name: string): string | undefined;
  /**
   * The exact names of the entries in the Procfile's folder, or undefined when unknown. On a case-insensitive file
   * system (macOS, Windows) `readSibling('Procfile')` of a file named `procfile` reads that file itself, so whether a
   * `Procfile` exists is decided from these names when they are given.
   */
  siblingNames?(): readonly string[] | undefined;
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
  /**
   * Per-declaration form of `check` (rules built with `entryRule`): lintProcfile runs all of these in one pass
   * over the entries, after the other rules. Lines in `ctx.explained` are skipped before it is called.
   */
  checkEntry?(ctx: RuleContext, e: ProcfileEntry, i: number): void;
}

/**
 * A rule that looks at one declaration at a time. Its `check` visits every entry whose line no earlier rule
 * explained, in order; lintProcfile instead calls `checkEntry` from its single pass (same findings, same order).
 */
export function entryRule(rule: Omit<ProcfileRule, 'check' | 'checkEntry'> & { checkEntry(ctx: RuleContext, e: ProcfileEntry, i: number): void }): ProcfileRule {
  return {
    ...rule,
    check(ctx) {
      const entries = ctx.doc.entries;
      for (let i = 0; i < entries.length; i++) {
        if (!ctx.explained.has(entries[i].line)) rule.checkEntry(ctx, entries[i], i);
      }
    },
  };
}

export type { Fix, Problem, Range, ProcfileEntry };
