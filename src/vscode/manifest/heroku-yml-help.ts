// Hover and completion for heroku.yml keys. VS Code has no schema support for YAML, so the descriptions and
// allowed keys come from schemas/heroku.yml.schema.json through core (schema-info, yaml-context).
import * as vscode from 'vscode';
import { describeKey, keysAt } from '../../core/herokuyml/schema-info';
import { siblingKeys, yamlContextAt } from '../../core/herokuyml/yaml-context';

export class HerokuYmlHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const ctx = yamlContextAt(doc.getText(), pos.line, pos.character);
    if (!ctx.key || !ctx.onKey) return undefined;
    const text = describeKey(ctx.path, ctx.key);
    if (!text) return undefined;
    const line = doc.lineAt(pos.line).text;
    const start = line.indexOf(ctx.key, ctx.indent);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${[...ctx.path, ctx.key].join('.')}**\n\n`);
    md.appendMarkdown(text);
    return new vscode.Hover(md, start >= 0 ? new vscode.Range(pos.line, start, pos.line, start + ctx.key.length) : undefined);
  }
}

export class HerokuYmlCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    const text = doc.getText();
    const ctx = yamlContextAt(text, pos.line, pos.character);
    if (!ctx.onKey) return [];
    const present = siblingKeys(text, pos.line, ctx.indent);
    return keysAt(ctx.path, present).map((k) => {
      const item = new vscode.CompletionItem(k.name, vscode.CompletionItemKind.Property);
      item.insertText = `${k.name}: `;
      item.documentation = new vscode.MarkdownString(k.description);
      item.detail = `heroku.yml ${[...ctx.path, k.name].join('.')}`;
      return item;
    });
  }
}
