// Before a deploy: lint the files Heroku reads at the root of the deployed folder (Procfile, app.json,
// heroku.yml) from disk, as they will be uploaded, with the same linters and rule overrides as the editor and
// `heroku-workflows lint`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintFile } from '../../core/lint/registry';
import type { FileKind, Problem, RuleOverrides } from '../../core/lint/types';
import { fileExistsUnder, folderEntries, readSiblingFile } from '../fs/sibling-files';

export interface PreflightFile {
  name: string;
  problems: Problem[];
}

export interface Preflight {
  files: PreflightFile[];
  errors: number;
  warnings: number;
  /** Whether the folder has a Procfile at its root (for the failure explanations). */
  hasProcfile: boolean;
}

const ROOT_FILES: [string, FileKind][] = [['Procfile', 'procfile'], ['app.json', 'appjson'], ['heroku.yml', 'herokuyml']];

export function preflight(folder: string, overrides?: RuleOverrides): Preflight {
  const out: Preflight = { files: [], errors: 0, warnings: 0, hasProcfile: false };
  for (const [name, kind] of ROOT_FILES) {
    const file = path.join(folder, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (kind === 'procfile') out.hasProcfile = true;
    const problems = lintFile(kind, {
      path: file, text, readSibling: (n) => readSiblingFile(folder, n), fileExists: (rel) => fileExistsUnder(folder, rel),
      siblingNames: () => folderEntries(folder),
    }, overrides);
    out.errors += problems.filter((p) => p.severity === 'error').length;
    out.warnings += problems.filter((p) => p.severity === 'warning').length;
    out.files.push({ name, problems });
  }
  return out;
}

/** `Procfile:3: message (code)` lines for the errors (and warnings when asked). */
export function preflightLines(p: Preflight, withWarnings = false): string[] {
  return p.files.flatMap((f) => f.problems
    .filter((x) => x.severity === 'error' || (withWarnings && x.severity === 'warning'))
    .map((x) => `${f.name}:${x.range.start.line + 1}: ${x.severity}: ${x.message} (${x.code})`));
}
