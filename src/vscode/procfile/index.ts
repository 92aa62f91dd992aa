// The Procfile feature: diagnostics through the shared lint bridge, plus hover, completion, outline, formatting.
import * as vscode from 'vscode';
import { fileKindOf } from '../../core/lint/files';
import { linters } from '../../core/lint/registry';
import { registerLinter } from '../diagnostics/index';
import type { Services } from '../services';
import { ProcfileCompletionProvider } from './completion';
import { ProcfileHoverProvider } from './hover';
import { ProcfileFormatter, ProcfileSymbolProvider } from './outline';

export const PROCFILE_SELECTOR: vscode.DocumentFilter[] = [{ language: 'procfile', scheme: 'file' }, { language: 'procfile', scheme: 'untitled' }];

export function registerProcfile(services: Services): vscode.Disposable {
  const lint = linters.procfile;
  const disposables: vscode.Disposable[] = [
    vscode.languages.registerHoverProvider(PROCFILE_SELECTOR, new ProcfileHoverProvider()),
    vscode.languages.registerCompletionItemProvider(PROCFILE_SELECTOR, new ProcfileCompletionProvider(), ':', '$', '{'),
    vscode.languages.registerDocumentSymbolProvider(PROCFILE_SELECTOR, new ProcfileSymbolProvider()),
    vscode.languages.registerDocumentFormattingEditProvider(PROCFILE_SELECTOR, new ProcfileFormatter()),
  ];
  if (lint) {
    disposables.push(registerLinter(services, {
      name: 'procfile',
      selector: PROCFILE_SELECTOR,
      accepts: (base) => fileKindOf(base) === 'procfile',
      workspaceGlob: '**/{Procfile,Procfile.*,procfile}',
      lint,
      disableComment: (code) => `# heroku-lint-disable-next-line ${code.replace(/^procfile\//, '')}`,
    }));
  }
  return vscode.Disposable.from(...disposables);
}
