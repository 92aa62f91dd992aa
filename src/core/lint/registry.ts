// FileKind -> linter. Each kind's engineer adds one entry; a kind without an entry is skipped (not an error).
// Pure: the caller reads the file and its siblings.
import { lintAppJson } from '../appjson/lint';
import { appJsonRuleInfo } from '../appjson/rules';
import { lintHerokuYml } from '../herokuyml/lint';
import { herokuYmlRuleInfo } from '../herokuyml/rules';
import { lintProcfile } from '../procfile/lint';
import { procfileRuleInfo } from '../procfile/rules/index';
import { applyOverrides, type FileKind, type Problem, type RuleOverrides, type Severity } from './types';

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

/** Rule catalogues by kind, for SARIF `tool.driver.rules` and docs. */
export const ruleCatalog: Partial<Record<FileKind, () => RuleInfo[]>> = {
  procfile: procfileRuleInfo,
  appjson: appJsonRuleInfo,
  herokuyml: herokuYmlRuleInfo,
};

/** Lints one file of a known kind and applies user overrides; never throws. */
export function lintFile(kind: FileKind, file: LintFile, overrides?: RuleOverrides): Problem[] {
  const fn = linters[kind];
  if (!fn) return [];
  let problems: Problem[];
  try {
    problems = fn(file);
  } catch (err) {
    problems = [{
      code: `${kind}/internal-error`,
      severity: 'error',
      message: `The ${kind} linter failed on this file: ${err instanceof Error ? err.message : String(err)}. Please report it.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }];
  }
  return applyOverrides(problems, overrides);
}
