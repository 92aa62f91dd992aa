// FileKind -> linter. Each kind's engineer adds one entry; a kind without an entry is skipped (not an error).
// Pure: the caller reads the file and its siblings.
import { lintAppJson } from '../appjson/lint';
import { appJsonRuleInfo } from '../appjson/rules';
import { lintHerokuYml } from '../herokuyml/lint';
import { herokuYmlRuleInfo } from '../herokuyml/rules';
import { lintProcfile } from '../procfile/lint';
import { procfileRuleInfo } from '../procfile/rules/index';
import { finishProblems, MAX_PROBLEMS, TOO_MANY_RULE } from './finish';
import { decodeLintBytes, ENCODING_RULE, MAX_LINT_SIZE, TOO_LARGE_RULE } from './input';
import { runLinter, type LintFile, type LintFunction } from './run';
import { applyOverrides, type FileKind, type Problem, type RuleOverrides, type Severity } from './types';

export type { LintFile, LintFunction } from './run';
export { runLinter } from './run';

export interface RuleInfo {
  code: string;
  severity: Severity;
  summary: string;
}

function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export const linters: Partial<Record<FileKind, LintFunction>> = {
  procfile: (file) => lintProcfile(file.text, { fileName: basename(file.path), readSibling: file.readSibling, siblingNames: file.siblingNames }),
  appjson: (file) => lintAppJson({ text: file.text, readSibling: file.readSibling }),
  herokuyml: (file) => lintHerokuYml({ text: file.text, readSibling: file.readSibling, fileName: basename(file.path),
    fileExists: (p) => (file.fileExists ? file.fileExists(p) : p.includes('/') ? undefined : file.readSibling(p) !== undefined) }),
};

/** The two rules every kind has (./input.ts, ./finish.ts). */
export function inputRuleInfo(kind: FileKind): RuleInfo[] {
  return [
    { code: `${kind}/${ENCODING_RULE}`, severity: 'error', summary: 'The file is not UTF-8 text (a binary, UTF-16 or other encoding); nothing else in it is checked.' },
    { code: `${kind}/${TOO_LARGE_RULE}`, severity: 'warning', summary: `Larger than ${MAX_LINT_SIZE[kind] / 1024} KB, far beyond any real file: not checked.` },
    { code: `${kind}/${TOO_MANY_RULE}`, severity: 'info', summary: `More than ${MAX_PROBLEMS} problems in one file: the rest are counted, not listed.` },
  ];
}

/** Rule catalogues by kind, for SARIF `tool.driver.rules` and docs. */
export const ruleCatalog: Partial<Record<FileKind, () => RuleInfo[]>> = {
  procfile: () => [...procfileRuleInfo(), ...inputRuleInfo('procfile')],
  appjson: () => [...appJsonRuleInfo(), ...inputRuleInfo('appjson')],
  herokuyml: () => [...herokuYmlRuleInfo(), ...inputRuleInfo('herokuyml')],
};

/** Lints one file of a known kind, applies user overrides, escapes and caps the findings; never throws. */
export function lintFile(kind: FileKind, file: LintFile, overrides?: RuleOverrides): Problem[] {
  const fn = linters[kind];
  if (!fn) return [];
  return finishProblems(kind, applyOverrides(runLinter(kind, fn, file), overrides));
}

/** lintFile for a file's bytes: a file that is not UTF-8 text gets its one encoding finding and nothing else. */
export function lintBytes(kind: FileKind, file: Omit<LintFile, 'text'> & { bytes: Uint8Array }, overrides?: RuleOverrides): Problem[] {
  if (!linters[kind]) return [];
  const decoded = decodeLintBytes(kind, file.bytes);
  if (!decoded.ok) return finishProblems(kind, applyOverrides([decoded.problem], overrides));
  const { bytes: _bytes, ...rest } = file;
  return lintFile(kind, { ...rest, text: decoded.text }, overrides);
}
