// The Procfile feature: diagnostics through the shared lint bridge, plus hover, completion, outline, formatting,
// and CodeLens with the workspace app's formation.
import { dirname, isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import { fileKindOf } from '../../core/lint/files';
import type { LintFunction } from '../../core/lint/registry';
import { lintProcfile } from '../../core/procfile/lint';
import type { FileSystem } from '../../core/heroku/ports';
import { SET_LF_COMMAND, useLfLineEndings } from '../diagnostics/convert';
import { registerLinter } from '../diagnostics/index';
import { watchRuleSettings } from '../diagnostics/rule-settings';
import type { Services } from '../services';
import { ProcfileCodeLensProvider } from './codelens';
import { ProcfileCompletionProvider } from './completion';
import { ProcfileHoverProvider } from './hover';
import { ProcfileFormatter, ProcfileSymbolProvider } from './outline';

export const PROCFILE_SELECTOR: vscode.DocumentFilter[] = [{ language: 'procfile', scheme: 'file' }, { language: 'procfile', scheme: 'untitled' }];

// The registry's procfile entry, without importing the registry (it would pull the manifest linters and yaml
// into the main bundle: see scripts/build.mjs `lazyBundles`).
// A document linted for its language alone (an untitled `Untitled-1`) is read as the deployed Procfile.
const lintProcfileWith = (files: FileSystem): LintFunction => (file) => {
  const base = file.path.split(/[\\/]/).pop() ?? file.path;
  return lintProcfile(file.text, {
    fileName: fileKindOf(base) === 'procfile' ? base : undefined,
    readSibling: file.readSibling,
    siblingNames: () => (isAbsolute(file.path) ? files.folderEntries(dirname(file.path)) : undefined),
  });
};


export function registerProcfile(services: Services): vscode.Disposable {
  const disposables: vscode.Disposable[] = [
    vscode.languages.registerHoverProvider(PROCFILE_SELECTOR, new ProcfileHoverProvider(services.fs)),
    vscode.languages.registerCompletionItemProvider(PROCFILE_SELECTOR, new ProcfileCompletionProvider(services.fs), ':', '$', '{'),
    vscode.languages.registerDocumentSymbolProvider(PROCFILE_SELECTOR, new ProcfileSymbolProvider()),
    vscode.languages.registerDocumentFormattingEditProvider(PROCFILE_SELECTOR, new ProcfileFormatter()),
  ];
  // Both cover every linter; the Procfile feature, always registered, owns them.
  disposables.push(watchRuleSettings(services.log), services.commands.register(SET_LF_COMMAND, (_ctx, uri: unknown) => useLfLineEndings(uri)));
  const lenses = new ProcfileCodeLensProvider(services);
  disposables.push(lenses, vscode.languages.registerCodeLensProvider({ language: 'procfile', scheme: 'file' }, lenses));
  disposables.push(registerLinter(services, {
    name: 'procfile',
    selector: PROCFILE_SELECTOR,
    accepts: (base) => fileKindOf(base) === 'procfile',
    languageId: 'procfile',
    workspaceGlob: '**/{Procfile,Procfile.*,procfile}',
    lint: lintProcfileWith(services.fs),
    disableComment: (code) => `# heroku-lint-disable-next-line ${code.replace(/^procfile\//, '')}`,
  }));
  return vscode.Disposable.from(...disposables);
}
