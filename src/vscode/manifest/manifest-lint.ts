// Lints an open app.json or heroku.yml with core, the way the editor needs it:
// - siblings (Procfile, heroku.yml, app.json, Dockerfiles) come from open editors first, then the disk;
// - app.json's syntax and schema errors are left out when VS Code's JSON language service validates the file
//   against the same contributed schema (schemas/app.json.schema.json), so nothing shows twice;
// - the settings heroku.appJson.validate / heroku.herokuYml.validate turn each linter off.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import * as vscode from 'vscode';
import { lintAppJson } from '../../core/appjson/lint';
import { lintHerokuYml } from '../../core/herokuyml/lint';
import type { Problem } from '../../core/lint/types';

export type ManifestKind = 'appjson' | 'herokuyml';

export function manifestKindOf(doc: vscode.TextDocument): ManifestKind | undefined {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return undefined;
  const base = doc.uri.path.split('/').pop();
  if (base === 'app.json') return 'appjson';
  if (base === 'heroku.yml') return 'herokuyml';
  return undefined;
}

function siblingReader(doc: vscode.TextDocument): (name: string) => string | undefined {
  const dir = dirname(doc.uri.fsPath);
  return (name) => {
    const path = join(dir, name);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path);
    if (open) return open.getText();
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}

function fileExists(doc: vscode.TextDocument): (rel: string) => boolean {
  const dir = dirname(doc.uri.fsPath);
  return (rel) => {
    const path = normalize(join(dir, rel));
    if (!path.startsWith(dir + sep)) return false;
    try {
      return existsSync(path) && statSync(path).isFile();
    } catch {
      return false;
    }
  };
}

/** True when VS Code's JSON language service validates JSON files (its default). */
function jsonServiceValidates(): boolean {
  const ext = vscode.extensions.getExtension('vscode.json-language-features');
  return !!ext && vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true) !== false;
}

/** Problems for an open manifest, or undefined when it is not one or its check is turned off. */
export function lintManifest(doc: vscode.TextDocument): Problem[] | undefined {
  const kind = manifestKindOf(doc);
  if (!kind) return undefined;
  const config = vscode.workspace.getConfiguration('heroku', doc.uri);
  if (kind === 'appjson') {
    if (!config.get<boolean>('appJson.validate', true)) return undefined;
    const editorValidates = doc.languageId === 'json' && jsonServiceValidates();
    return lintAppJson({
      text: doc.getText(), readSibling: siblingReader(doc),
      skip: editorValidates ? { syntax: true, schema: true } : undefined,
    });
  }
  if (!config.get<boolean>('herokuYml.validate', true)) return undefined;
  return lintHerokuYml({ text: doc.getText(), readSibling: siblingReader(doc), fileExists: fileExists(doc) });
}
