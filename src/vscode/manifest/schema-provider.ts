// The app.json schema for VS Code's JSON language service, served from a scheme of our own so that
// `heroku.appJson.validate: false` turns it off too (package.json `jsonValidation` is static and cannot be).
// - package.json contributes `heroku-workflows-schema:/app.json.schema.json` for files named app.json;
// - the JSON language features extension reads schemas of schemes other than file/http(s)/vscode with
//   workspace.openTextDocument (served here) and reloads one when its document changes (onDidChange below);
// - the text is schemas/app.json.schema.json (the file core's validator is generated from), or an empty schema
//   when the setting is off: no JSON-service schema errors, hovers or completions for app.json then;
// - a schema is one per window, so this follows the setting's workspace (or user) value, not a folder's;
// - the scheme is also an activation event (onFileSystem), so the schema is there even before a manifest opens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';

export const SCHEMA_SCHEME = 'heroku-workflows-schema';
export const APP_JSON_SCHEMA_URI = vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: '/app.json.schema.json' });

/** What the JSON service gets when the check is off: a schema that allows anything and offers nothing. */
export const SCHEMA_OFF = JSON.stringify({ $comment: 'heroku.appJson.validate is false: Heroku Workflows does not check app.json.' });

export function appJsonSchemaEnabled(): boolean {
  return vscode.workspace.getConfiguration('heroku').get<boolean>('appJson.validate', true) !== false;
}

export class ManifestSchemaProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private text: string | undefined;
  private served: boolean | undefined;

  constructor(private readonly extensionPath: string) {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(SCHEMA_SCHEME, this));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('heroku.appJson.validate') && this.served !== undefined && this.served !== appJsonSchemaEnabled()) {
        this.changed.fire(APP_JSON_SCHEMA_URI);
      }
    }));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    if (uri.path !== APP_JSON_SCHEMA_URI.path) return '{}';
    this.served = appJsonSchemaEnabled();
    if (!this.served) return SCHEMA_OFF;
    return (this.text ??= readFileSync(join(this.extensionPath, 'schemas', 'app.json.schema.json'), 'utf8'));
  }
}
