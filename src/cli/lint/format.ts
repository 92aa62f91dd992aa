// Output formats for `heroku-workflows lint`: text (path:line:col), JSON (1-based) and SARIF 2.1.0.
import type { RuleInfo } from '../../core/lint/registry';
import type { Problem } from '../../core/lint/types';
import { escapeControl } from '../../core/text/escape';

export interface FileResult {
  /** Path as printed (relative to cwd, forward slashes). */
  file: string;
  problems: Problem[];
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** 1-based, exclusive (the column after the last character), as in SARIF and ESLint. */
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export function toJson(results: FileResult[]): JsonProblem[] {
  const out: JsonProblem[] = [];
  for (const r of results) {
    for (const p of r.problems) {
      out.push({
        file: r.file,
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        endLine: p.range.end.line + 1,
        endColumn: p.range.end.character + 1,
        severity: p.severity === 'hint' ? 'info' : p.severity,
        code: p.code,
        message: p.message,
      });
    }
  }
  return out;
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const j of toJson(results)) {
    // Messages come escaped from core (core/lint/finish.ts); escaping again is a no-op for them and covers the path.
    lines.push(escapeControl(`${j.file}:${j.line}:${j.column}: ${j.severity} ${j.code}: ${j.message}`));
    if (j.severity === 'error') errors++;
    else if (j.severity === 'warning') warnings++;
    else infos++;
  }
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info in ${plural(results.length, 'file')}`);
  return lines.join('\n') + '\n';
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function toSarif(results: FileResult[], catalog: RuleInfo[], version: string): object {
  const rules: { id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] = [];
  const index = new Map<string, number>();
  const addRule = (code: string, summary: string, severity: keyof typeof LEVEL) => {
    if (index.has(code)) return;
    index.set(code, rules.length);
    rules.push({
      id: code,
      shortDescription: { text: summary },
      help: { text: `${summary} See docs/RULES.md, section for ${code}.` },
      defaultConfiguration: { level: LEVEL[severity] },
    });
  };
  for (const r of catalog) addRule(r.code, r.summary, r.severity);
  for (const r of results) for (const p of r.problems) addRule(p.code, p.code, p.severity);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'heroku-workflows', version, semanticVersion: version, rules } },
      originalUriBaseIds: { SRCROOT: { description: { text: 'The folder heroku-workflows lint ran in.' } } },
      results: results.flatMap((r) => r.problems.map((p) => ({
        ruleId: p.code,
        ruleIndex: index.get(p.code),
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(r.file), uriBaseId: 'SRCROOT' },
            region: {
              startLine: p.range.start.line + 1,
              startColumn: p.range.start.character + 1,
              endLine: p.range.end.line + 1,
              endColumn: p.range.end.character + 1,
            },
          },
        }],
      }))),
    }],
  };
}
