// Before a deploy: lint the files Heroku reads at the root of the deployed folder (Procfile, app.json,
// heroku.yml) from disk, as they will be uploaded, with the same linters and rule overrides as the editor and
// `heroku-workflows lint`. The linters come from the caller (`lint`: core/lint/registry's lintFile): in the
// extension they are the manifest bundle's (dist/manifest.js: yaml and the schemas ship once, not again in
// dist/deploy-io.js), in the CLI its own.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { lintFile } from '../../core/lint/registry';
import type { Preflight } from '../../core/deploy/ports';
import type { FileKind, RuleOverrides } from '../../core/lint/types';
import { fileExistsUnder, folderEntries, readSiblingFile } from '../fs/sibling-files';


const ROOT_FILES: [string, FileKind][] = [['Procfile', 'procfile'], ['app.json', 'appjson'], ['heroku.yml', 'herokuyml']];

export type LintFileFn = typeof lintFile;

export function preflight(folder: string, lint: LintFileFn, overrides?: RuleOverrides): Preflight {
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
    const problems = lint(kind, {
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
