// The manifest feature: app.json and heroku.yml diagnostics through the shared lint bridge, and hovers/completions
// for heroku.yml keys (app.json gets them from VS Code's JSON language service through the contributed schema,
// served by ./schema-provider.ts so that heroku.appJson.validate can turn it off).
import * as vscode from 'vscode';
import { fileKindOf } from '../../core/lint/files';
import { registerLinter, type LinterBridge } from '../diagnostics/index';
import { lazyBundle } from '../lazy-bundle';
import type { Services } from '../services';
import type { HerokuYmlCompletionProvider, HerokuYmlHoverProvider } from './heroku-yml-help';
import { ManifestSchemaProvider } from './schema-provider';

// The linters, yaml and the heroku.yml help live in dist/manifest.js (./lazy.ts), loaded on the first manifest.
// Also compose.ts's, for the deploy's preflight: one loader of the bundle.
export const manifest = lazyBundle<typeof import('./lazy')>(() => require('./manifest.js'));

export const HEROKU_YML_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/heroku.yml' }];

const SETTINGS = ['heroku.appJson.validate', 'heroku.herokuYml.validate', 'json.validate'];

/** The bridge re-lints by itself on `heroku.lint` changes only; the manifest settings live elsewhere. */
function relint(bridge: LinterBridge): void {
  bridge.relintAll();
}

export function registerManifest(services: Services): vscode.Disposable {
  let hover: HerokuYmlHoverProvider | undefined;
  let completion: HerokuYmlCompletionProvider | undefined;
  // First: the JSON language service may ask for the schema as soon as an app.json is open.
  const schema = new ManifestSchemaProvider(services.context.extensionPath);
  const appJson = registerLinter(services, {
    name: 'app.json',
    selector: [{ pattern: '**/app.json' }],
    accepts: (base) => fileKindOf(base) === 'appjson',
    workspaceGlob: '**/app.json',
    lint: (file) => manifest().lintAppJsonInEditor(file),
  });
  const herokuYml = registerLinter(services, {
    name: 'heroku.yml',
    selector: [{ pattern: '**/heroku.{yml,yaml}' }],
    accepts: (base) => fileKindOf(base) === 'herokuyml',
    workspaceGlob: '**/heroku.{yml,yaml}',
    lint: (file) => manifest().lintHerokuYmlInEditor(file),
  });
  return vscode.Disposable.from(
    schema,
    appJson,
    herokuYml,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (SETTINGS.some((s) => e.affectsConfiguration(s))) { relint(appJson); relint(herokuYml); }
    }),
    vscode.languages.registerHoverProvider(HEROKU_YML_SELECTOR, {
      provideHover: (doc, pos) => (hover ??= new (manifest().HerokuYmlHoverProvider)()).provideHover(doc, pos),
    }),
    vscode.languages.registerCompletionItemProvider(HEROKU_YML_SELECTOR, {
      provideCompletionItems: (doc, pos) => (completion ??= new (manifest().HerokuYmlCompletionProvider)()).provideCompletionItems(doc, pos),
    }),
  );
}
