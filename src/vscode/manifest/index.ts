// The manifest feature: app.json and heroku.yml diagnostics through the shared lint bridge, and hovers/completions
// for heroku.yml keys (app.json gets them from VS Code's JSON language service through the contributed schema).
import * as vscode from 'vscode';
import { fileKindOf } from '../../core/lint/files';
import { registerLinter, type LinterBridge } from '../diagnostics/index';
import type { Services } from '../services';
import { HEROKU_YML_SELECTOR, HerokuYmlCompletionProvider, HerokuYmlHoverProvider } from './heroku-yml-help';
import { lintAppJsonInEditor, lintHerokuYmlInEditor } from './manifest-lint';

const SETTINGS = ['heroku.appJson.validate', 'heroku.herokuYml.validate', 'json.validate'];

/** The bridge re-lints by itself on `heroku.lint` changes only; the manifest settings live elsewhere. */
function relint(bridge: LinterBridge): void {
  bridge.relintAll();
}

export function registerManifest(services: Services): vscode.Disposable {
  const appJson = registerLinter(services, {
    name: 'app.json',
    selector: [{ pattern: '**/app.json' }],
    accepts: (base) => fileKindOf(base) === 'appjson',
    workspaceGlob: '**/app.json',
    lint: lintAppJsonInEditor,
  });
  const herokuYml = registerLinter(services, {
    name: 'heroku.yml',
    selector: [{ pattern: '**/heroku.{yml,yaml}' }],
    accepts: (base) => fileKindOf(base) === 'herokuyml',
    workspaceGlob: '**/heroku.{yml,yaml}',
    lint: lintHerokuYmlInEditor,
  });
  return vscode.Disposable.from(
    appJson,
    herokuYml,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SETTINGS.some((s) => e.affectsConfiguration(s))) { relint(appJson); relint(herokuYml); }
    }),
    vscode.languages.registerHoverProvider(HEROKU_YML_SELECTOR, new HerokuYmlHoverProvider()),
    vscode.languages.registerCompletionItemProvider(HEROKU_YML_SELECTOR, new HerokuYmlCompletionProvider()),
  );
}
