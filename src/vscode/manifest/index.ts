// The manifest feature: app.json and heroku.yml diagnostics, and hovers/completions for heroku.yml keys
// (app.json gets them from VS Code's JSON language service through the contributed schema).
import * as vscode from 'vscode';
import type { FeatureRegistration } from '../services';
import { ManifestDiagnostics } from './diagnostics';
import { HEROKU_YML_SELECTOR, HerokuYmlCompletionProvider, HerokuYmlHoverProvider } from './heroku-yml-help';

export const registerManifest: FeatureRegistration = ({ context }) => {
  context.subscriptions.push(
    new ManifestDiagnostics(),
    vscode.languages.registerHoverProvider(HEROKU_YML_SELECTOR, new HerokuYmlHoverProvider()),
    vscode.languages.registerCompletionItemProvider(HEROKU_YML_SELECTOR, new HerokuYmlCompletionProvider()),
  );
};
