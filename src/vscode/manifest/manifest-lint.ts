// The app.json and heroku.yml linters as the shared lint bridge runs them (src/vscode/diagnostics), with what only
// the editor knows:
// - app.json's syntax and schema errors are left out for a document open in the `json` language while VS Code's
//   JSON language service validates it against the same contributed schema (schemas/app.json.schema.json), so
//   nothing shows twice; closed files (the bridge's workspace scan) get everything, as from the CLI;
// - heroku.yml's Dockerfile paths are checked on disk, sub-folders included;
// - heroku.appJson.validate / heroku.herokuYml.validate turn each linter off.
import { statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import * as vscode from 'vscode';
import { lintAppJson } from '../../core/appjson/lint';
import { lintHerokuYml } from '../../core/herokuyml/lint';
import type { LintFile } from '../../core/lint/registry';
import type { Problem } from '../../core/lint/types';

function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
}

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
  const skip = jsonServiceValidates(openDocument(file.path)) ? { syntax: true, schema: true } : undefined;
  return lintAppJson({ text: file.text, readSibling: file.readSibling, skip });
}

export function lintHerokuYmlInEditor(file: LintFile): Problem[] {
  if (!enabled(file.path, 'herokuYml.validate')) return [];
  const dir = dirname(file.path);
  const fileExists = (rel: string): boolean => {
    const path = normalize(join(dir, rel));
    if (!path.startsWith(dir + sep)) return false;
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  return lintHerokuYml({ text: file.text, readSibling: file.readSibling, fileExists, fileName: file.path.split(/[\\/]/).pop() });
}
