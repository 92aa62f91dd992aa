// Hover: what a process type means; for `$VAR`, what Heroku puts there and its value from .env (masked).
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/heroku/ports';
import { envToMap, parseEnv } from '../../core/env/parse';
import { describeProcessType, displayEnvValue, VARIABLES } from '../../core/procfile/knowledge';
import { cnbName } from '../../core/procfile/rules/names';
import { parseProcfile } from '../../core/procfile/parser';
import { scanShell } from '../../core/procfile/shell';
import { toRange } from '../diagnostics/convert';
import { siblingsOf } from '../siblings';

export class ProcfileHoverProvider implements vscode.HoverProvider {
  constructor(private readonly files: FileSystem) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const parsed = parseProcfile(doc.lineAt(pos.line).text);
    const e = parsed.entries[0];
    if (!e) return undefined;
    if (pos.character >= e.nameRange.start.character && pos.character <= e.nameRange.end.character) {
      const md = new vscode.MarkdownString(`**${e.name}** process type\n\n${describeProcessType(e.name)}`);
      if (cnbName(e.name) !== e.name) md.appendMarkdown(`\n\nOn Fir (Cloud Native Buildpacks) it is named \`${cnbName(e.name)}\`.`);
      return new vscode.Hover(md, toRange({ ...e.nameRange, start: { line: pos.line, character: e.nameRange.start.character }, end: { line: pos.line, character: e.nameRange.end.character } }));
    }
    const offset = pos.character - e.commandRange.start.character;
    // The innermost reference under the cursor (`${A:-$B}` on `$B` is B); vars come in order of their start.
    const v = scanShell(e.command).vars.filter((x) => offset >= x.start && offset <= x.end).pop();
    if (!v) return undefined;
    const md = new vscode.MarkdownString(`**$${v.name}**`);
    if (VARIABLES[v.name]) md.appendMarkdown(`\n\n${VARIABLES[v.name]}`);
    const envText = siblingsOf(this.files, doc.uri)('.env');
    const value = envText === undefined ? undefined : envToMap(parseEnv(envText)).get(v.name);
    if (value !== undefined) md.appendMarkdown(`\n\n\`.env\` (used by \`heroku local\`): \`${displayEnvValue(v.name, value).replace(/`/g, "'")}\``);
    else if (envText !== undefined) md.appendMarkdown('\n\nNot set in `.env`.');
    const start = e.commandRange.start.character + v.start;
    return new vscode.Hover(md, new vscode.Range(pos.line, start, pos.line, e.commandRange.start.character + v.end));
  }
}
