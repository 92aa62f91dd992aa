// lintProcfile: parse, run every rule (a failing rule is skipped, never thrown), apply directives and overrides.
import type { Problem, RuleOverrides } from '../lint/types';
import { applyOverrides, range } from '../lint/types';
import { parseDirectives } from './directives';
import { parseProcfile, type ProcfileDocument } from './parser';
import { PROCFILE_RULES, UNKNOWN_DIRECTIVE } from './rules/index';
import type { ProcfileLintOptions, RuleContext } from './rules/types';
import { scanShell, type ShellScan } from './shell';

export interface LintProcfileOptions extends ProcfileLintOptions {
  overrides?: RuleOverrides;
}

const KNOWN = new Set([...PROCFILE_RULES, UNKNOWN_DIRECTIVE].map((r) => `procfile/${r.name}`));

export function lintProcfile(text: string, options: LintProcfileOptions = {}, doc: ProcfileDocument = parseProcfile(text)): Problem[] {
  const problems: Problem[] = [];
  const scans: ShellScan[] = [];
  const explainedLines = new Set<number>();
  for (const rule of PROCFILE_RULES) {
    const code = `procfile/${rule.name}`;
    const ctx: RuleContext = {
      text,
      doc,
      options,
      scan: (i) => (scans[i] ??= scanShell(doc.entries[i].command)),
      explained: explainedLines,
      report: (p) => problems.push({ ...p, code, severity: p.severity ?? rule.severity }),
    };
    try {
      rule.check(ctx);
    } catch {
      // A rule bug must not hide the other rules' findings; the property test hunts these.
    }
  }
  return applyOverrides(filterByDirectives(doc, problems), options.overrides).sort(byPosition);
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
