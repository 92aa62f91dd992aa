// Document symbols (outline, breadcrumbs) and formatting for Procfiles.
import * as vscode from 'vscode';
import { formatProcfile } from '../../core/procfile/format';
import { parseProcfile } from '../../core/procfile/parser';
import { toRange } from '../diagnostics/convert';

export class ProcfileSymbolProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const parsed = parseProcfile(doc.getText());
    return parsed.entries.map((e) => {
      const line = parsed.lines[e.line].text;
      const kind = e.name === 'web' ? vscode.SymbolKind.Event : e.name === 'release' ? vscode.SymbolKind.Constructor : vscode.SymbolKind.Function;
      return new vscode.DocumentSymbol(e.name, e.command, kind, new vscode.Range(e.line, 0, e.line, line.length), toRange(e.nameRange));
    });
  }
}

export class ProcfileFormatter implements vscode.DocumentFormattingEditProvider {
  provideDocumentFormattingEdits(doc: vscode.TextDocument): vscode.TextEdit[] {
    return formatProcfile(doc.getText()).map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText));
  }
}
