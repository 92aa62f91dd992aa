// lintProcfile: parse, run every rule (a rule that throws becomes one `procfile/internal-error` finding, never an
// exception, and the other rules' findings stay), apply directives and overrides.
import { failureText } from '../lint/run';
import type { Problem, RuleOverrides } from '../lint/types';
import { applyOverrides, range } from '../lint/types';
import { parseDirectives } from './directives';
import { parseProcfile, type ProcfileDocument } from './parser';
import { INTERNAL_ERROR, PROCFILE_RULES, UNKNOWN_DIRECTIVE } from './rules/index';
import type { ProcfileLintOptions, ProcfileRule, RuleContext } from './rules/types';
import { scanShell, type ShellScan } from './shell';

export interface LintProcfileOptions extends ProcfileLintOptions {
  overrides?: RuleOverrides;
}

const KNOWN = new Set([...PROCFILE_RULES, UNKNOWN_DIRECTIVE, INTERNAL_ERROR].map((r) => `procfile/${r.name}`));

/** `rules` is for tests (e.g. a rule that throws); the extension and the CLI run PROCFILE_RULES. */
export function lintProcfile(
  text: string,
  options: LintProcfileOptions = {},
  doc: ProcfileDocument = parseProcfile(text),
  rules: readonly ProcfileRule[] = PROCFILE_RULES,
): Problem[] {
  const problems: Problem[] = [];
  const failed = (rule: ProcfileRule, err: unknown) => {
    problems.push({
      code: `procfile/${INTERNAL_ERROR.name}`,
      severity: INTERNAL_ERROR.severity,
      message: `The check procfile/${rule.name} failed on this file, so its findings are missing: ${failureText(err)}`,
      range: range(0, 0, 0, 0),
    });
  };
  const explainedLines = new Set<number>();
  // Rules ask for the scan of the entry they are looking at; the single pass below asks for one entry at a
  // time, so only the latest scan is kept (a rule that asks again for an older entry gets it recomputed).
  let scanned = -1;
  let lastScan: ShellScan | undefined;
  const scan = (i: number): ShellScan => {
    if (i !== scanned || lastScan === undefined) {
      lastScan = scanShell(doc.entries[i].command);
      scanned = i;
    }
    return lastScan;
  };
  const perEntry: { rule: ProcfileRule; ctx: RuleContext }[] = [];
  for (const rule of rules) {
    const code = `procfile/${rule.name}`;
    const ctx: RuleContext = {
      text,
      doc,
      options,
      scan,
      explained: explainedLines,
      // Each report is a fresh object literal from the rule, so it is completed in place (same keys, same
      // order as spreading it into a new object).
      report: (p) => {
        const problem = p as Problem;
        problem.code = code;
        problem.severity = p.severity ?? rule.severity;
        problems.push(problem);
      },
    };
    // Per-entry rules neither read nor write anything the others use (`explained` is complete once the
    // whole-file and line rules have run), so they all run afterwards in one pass over the entries.
    if (rule.checkEntry) {
      perEntry.push({ rule, ctx });
      continue;
    }
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must not hide the other rules' findings; the property test hunts these.
      failed(rule, err);
    }
  }
  runEntryRules(doc, perEntry, explainedLines, failed);
  return applyOverrides(filterByDirectives(doc, problems), options.overrides).sort(byPosition);
}

/** One pass over the entries for every per-entry rule; a rule that throws stops there, like a failing `check`. */
function runEntryRules(
  doc: ProcfileDocument,
  rules: { rule: ProcfileRule; ctx: RuleContext }[],
  explained: Set<number>,
  failed: (rule: ProcfileRule, err: unknown) => void,
): void {
  const live: (ProcfileRule['checkEntry'] | undefined)[] = rules.map((r) => r.rule.checkEntry);
  const ctxs = rules.map((r) => r.ctx);
  const n = live.length;
  const entries = doc.entries;
  const anyExplained = explained.size > 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (anyExplained && explained.has(e.line)) continue;
    // The try is outside the loop over the rules (entered once per entry, not once per call); no rule reads `this`.
    for (let r = 0; r < n; ) {
      try {
        for (; r < n; r++) {
          const check = live[r];
          if (check !== undefined) check(ctxs[r], e, i);
        }
      } catch (err) {
        live[r] = undefined;
        failed(rules[r].rule, err);
        r++;
      }
    }
  }
}

function filterByDirectives(doc: ProcfileDocument, problems: Problem[]): Problem[] {
  const directives = parseDirectives(doc);
  if (directives.length === 0) return problems;
  const out: Problem[] = [];
  for (const d of directives) {
    for (const c of d.codes) {
      if (KNOWN.has(c.code) || !c.code.startsWith('procfile/')) continue;
      out.push({
        code: `procfile/${UNKNOWN_DIRECTIVE.name}`,
        severity: UNKNOWN_DIRECTIVE.severity,
        message: `Unknown rule \`${c.code}\` in this directive; it silences nothing. See docs/RULES.md for the codes.`,
        range: range(d.line, c.start, d.line, c.end),
      });
    }
  }
  const silenced = (p: Problem) =>
    directives.some((d) => {
      if (d.kind === 'next-line' && d.target !== p.range.start.line) return false;
      return d.codes.length === 0 || d.codes.some((c) => c.code === p.code);
    });
  for (const p of problems) if (!silenced(p)) out.push(p);
  return out;
}

function byPosition(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
