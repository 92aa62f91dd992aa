// The app.json and heroku.yml linters as the shared lint bridge runs them (src/vscode/diagnostics), with what only
// the editor knows:
// - app.json's syntax and schema errors are left out for a document open in the `json` language while VS Code's
//   JSON language service validates it against the same contributed schema (schemas/app.json.schema.json), so
//   nothing shows twice; closed files (the bridge's workspace scan) get everything, as from the CLI;
// - heroku.yml's Dockerfile paths are checked on disk, sub-folders included (the bridge's fileExists, which also
//   records them so that creating or deleting one re-lints heroku.yml; without it only bare names are checked);
// - heroku.appJson.validate / heroku.herokuYml.validate turn each linter off.
import * as vscode from 'vscode';
import { lintAppJson } from '../../core/appjson/lint';
import { lintHerokuYml } from '../../core/herokuyml/lint';
import type { LintFile } from '../../core/lint/registry';
import type { Problem } from '../../core/lint/types';
import { openDocumentAt } from '../siblings';

function enabled(path: string, key: 'appJson.validate' | 'herokuYml.validate'): boolean {
  return vscode.workspace.getConfiguration('heroku', vscode.Uri.file(path)).get<boolean>(key, true) !== false;
}

/** True when VS Code's JSON language service validates this open JSON document (its default). */
function jsonServiceValidates(doc: vscode.TextDocument | undefined): boolean {
  if (doc?.languageId !== 'json') return false;
  const ext = vscode.extensions.getExtension('vscode.json-language-features');
  return !!ext && vscode.workspace.getConfiguration('json', doc.uri).get<boolean>('validate.enable', true) !== false;
}

export function lintAppJsonInEditor(file: LintFile): Problem[] {
  if (!enabled(file.path, 'appJson.validate')) return [];
  const skip = jsonServiceValidates(openDocumentAt(file.path)) ? { syntax: true, schema: true } : undefined;
  return lintAppJson({ text: file.text, readSibling: file.readSibling, skip });
}

export function lintHerokuYmlInEditor(file: LintFile): Problem[] {
  if (!enabled(file.path, 'herokuYml.validate')) return [];
  return lintHerokuYml({ text: file.text, readSibling: file.readSibling, fileExists: file.fileExists, fileName: file.path.split(/[\\/]/).pop() });
}
