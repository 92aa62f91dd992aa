// Every Procfile rule, in the order they run (specific explanations before general ones).
import { commandRules } from './commands';
import { fileRules } from './file';
import { lineRules } from './lines';
import { localRules } from './local';
import { nameRules } from './names';
import type { ProcfileRule } from './types';

export const PROCFILE_RULES: readonly ProcfileRule[] = [...fileRules, ...lineRules, ...nameRules, ...commandRules, ...localRules];

/** The directive rule lives in lint.ts but is listed here for docs and SARIF. */
export const UNKNOWN_DIRECTIVE = {
  name: 'unknown-directive-code',
  severity: 'warning' as const,
  summary: 'A `heroku-lint-disable` directive names a rule that does not exist.',
};

/** Reported by lint.ts when a rule throws (a bug): the file is not at fault. */
export const INTERNAL_ERROR = {
  name: 'internal-error',
  severity: 'error' as const,
  summary: 'A Procfile check failed on this file (a bug in the linter); its findings are missing.',
};

export interface RuleInfo {
  code: string;
  severity: ProcfileRule['severity'];
  summary: string;
}

export function procfileRuleInfo(): RuleInfo[] {
  return [...PROCFILE_RULES, UNKNOWN_DIRECTIVE, INTERNAL_ERROR].map((r) => ({ code: `procfile/${r.name}`, severity: r.severity, summary: r.summary }));
}
