// The generic lint bridge: any core linter (`(file: LintFile) => Problem[]`) becomes diagnostics and quick fixes.
// - open documents: linted at once, then debounced while typing; on save; on close the saved file is linted again
// - workspace files (not open): found lazily after activation, re-linted when they change on disk
// - checks across files: a file is re-linted (debounced) when a file its lint read changes: edited, closed,
//   created or deleted (./dependencies.ts), e.g. app.json when the Procfile next to it is edited
// - each lint logs a debug line "<name>: linted <path> (n problem(s))" (tests wait for it)
// - `heroku.lint.rules` overrides (severity or "off"), re-applied when the setting changes
// - quick fixes from Problem.fixes (edits, file rename) and an optional "disable for this line" comment
// - a file that is not UTF-8 text gets one finding and nothing else (its bytes are read when it is saved on disk;
//   an edited document is checked for the U+FFFD and NUL characters the editor shows for undecodable bytes); every
//   message is escaped and at most 200 findings per file are shown (core/lint/input.ts, finish.ts)
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/heroku/ports';
import { Disposable } from '../../core/lifecycle';
import { finishProblems } from '../../core/lint/finish';
import { decodeLintBytes } from '../../core/lint/input';
import { runLinter, type LintFile } from '../../core/lint/run';
import { applyOverrides, type FileKind, type Problem, type RuleOverrides } from '../../core/lint/types';
import type { Logger } from '../log';
import { codeOf, DIAGNOSTIC_SOURCE, toCodeAction, toDiagnostic } from './convert';
import { SiblingDependencies } from './dependencies';

export interface LinterSpec {
  /** Diagnostic collection name, e.g. "procfile". */
  name: string;
  /** Which open documents this linter handles. */
  selector: vscode.DocumentFilter[];
  /** Which files it handles (by base name): decides workspace files and documents alike. */
  accepts(basename: string): boolean;
  /** Open documents in this language are linted whatever their name (an untitled Procfile). */
  languageId?: string;
  /** Glob for the lazy workspace scan and the file watcher, e.g. "**∕{Procfile,Procfile.*}". */
  workspaceGlob?: string;
  lint(file: LintFile): Problem[];
  /** Text of a comment line that silences `code` on the next line (e.g. `# heroku-lint-disable-next-line x`). */
  disableComment?(code: string): string;
  debounceMs?: number;
}

const EXCLUDE = '**/{node_modules,.git,vendor}/**';

/** Which kind a spec lints, told by the file name each kind has. */
const KIND_NAMES: [FileKind, string][] = [['procfile', 'Procfile'], ['appjson', 'app.json'], ['herokuyml', 'heroku.yml']];

function readBytes(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

export class LinterBridge extends Disposable implements vscode.CodeActionProvider {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly problems = new Map<string, Problem[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly deps: SiblingDependencies;
  private readonly kind: FileKind;

  constructor(private readonly spec: LinterSpec, private readonly log: Logger, private readonly docLink: ((code: string) => vscode.Uri) | undefined, files: FileSystem) {
    super();
    this.kind = KIND_NAMES.find(([, name]) => spec.accepts(name))?.[0] ?? 'procfile';
    this.collection = this.register(vscode.languages.createDiagnosticCollection(spec.name));
    this.register({ dispose: () => { for (const t of this.timers.values()) clearTimeout(t); this.timers.clear(); } });
    this.deps = this.register(new SiblingDependencies(files, (u) => this.schedule(u)));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.lintDocument(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document.uri)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.lintDocument(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.lint')) this.relintAll(); }));
    this.register(vscode.languages.registerCodeActionsProvider(spec.selector, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    for (const d of vscode.workspace.textDocuments) this.lintDocument(d);
  }

  /** Schedules the workspace scan after `delayMs` (activation is not kept waiting); logs the outcome. */
  scanWorkspaceLater(delayMs: number): void {
    const timer = setTimeout(() => {
      this.scanWorkspace().then(
        (n) => this.log.info(`${this.spec.name}: linted ${n} workspace file(s)`),
        (err: unknown) => this.log.error(`${this.spec.name}: workspace scan failed`, err),
      );
    }, delayMs);
    this.register({ dispose: () => clearTimeout(timer) });
  }

  /** Lints workspace files that are not open; call once (it returns when done). */
  async scanWorkspace(): Promise<number> {
    if (!this.spec.workspaceGlob || this.isDisposed) return 0;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(this.spec.workspaceGlob));
    this.register(watcher.onDidChange((u) => this.lintFile(u)));
    this.register(watcher.onDidCreate((u) => this.lintFile(u)));
    this.register(watcher.onDidDelete((u) => this.clear(u)));
    const uris = await vscode.workspace.findFiles(this.spec.workspaceGlob, EXCLUDE, 2000);
    for (const u of uris) this.lintFile(u);
    return uris.length;
  }

  /** The problems behind the current diagnostics of a file (for tests and other features). */
  problemsFor(uri: vscode.Uri): readonly Problem[] {
    return this.problems.get(uri.toString()) ?? [];
  }

  private handles(uri: vscode.Uri, doc?: vscode.TextDocument): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return false;
    if (this.spec.accepts(uri.path.slice(uri.path.lastIndexOf('/') + 1))) return true;
    const lang = this.spec.languageId;
    return lang !== undefined && (doc ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()))?.languageId === lang;
  }

  /** Lints a document or file after the debounce delay (its open text if open, else the disk's). */
  private schedule(uri: vscode.Uri): void {
    if (!this.handles(uri)) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.lintFile(uri); }, this.spec.debounceMs ?? 250));
  }

  private lintDocument(doc: vscode.TextDocument): void {
    if (this.isDisposed || !this.handles(doc.uri, doc) || doc.isClosed) return;
    // Saved: Heroku gets the bytes on disk, which the editor may have decoded from another encoding (UTF-16).
    const bytes = doc.uri.scheme === 'file' && !doc.isDirty ? readBytes(doc.uri.fsPath) : undefined;
    const decoded = bytes && decodeLintBytes(this.kind, bytes);
    if (decoded && !decoded.ok) return this.publishProblems(doc.uri, [decoded.problem]);
    this.publish(doc.uri, doc.getText());
  }

  private onClose(doc: vscode.TextDocument): void {
    if (!this.handles(doc.uri, doc)) return;
    // A file linted for its language alone is not a workspace file: its diagnostics go with it.
    if (doc.uri.scheme === 'file' && this.spec.workspaceGlob && this.spec.accepts(doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1))) this.lintFile(doc.uri);
    else this.clear(doc.uri);
  }

  private lintFile(uri: vscode.Uri): void {
    if (this.isDisposed || !this.handles(uri)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.lintDocument(open);
    if (uri.scheme !== 'file') return this.clear(uri);
    const bytes = readBytes(uri.fsPath);
    if (!bytes) return this.clear(uri);
    const decoded = decodeLintBytes(this.kind, bytes);
    if (!decoded.ok) return this.publishProblems(uri, [decoded.problem]);
    this.publish(uri, decoded.text);
  }

  private publish(uri: vscode.Uri, text: string): void {
    let found: Problem[];
    const readers = this.deps.readersFor(uri);
    try {
      found = runLinter(this.kind, (file) => this.spec.lint(file), { path: uri.fsPath || uri.path, text, readSibling: readers.readSibling, fileExists: readers.fileExists });
      readers.done();
    } catch (err) {
      this.log.error(`${this.spec.name} linter failed on ${uri.fsPath}`, err);
      return;
    }
    this.publishProblems(uri, found);
  }

  private publishProblems(uri: vscode.Uri, found: Problem[]): void {
    const overrides = vscode.workspace.getConfiguration('heroku.lint', uri).get<RuleOverrides>('rules');
    const problems = finishProblems(this.kind, applyOverrides(found, overrides && typeof overrides === 'object' ? overrides : undefined));
    this.problems.set(uri.toString(), problems);
    this.collection.set(uri, problems.map((p) => toDiagnostic(uri, p, this.docLink)));
    this.log.debug(`${this.spec.name}: linted ${uri.fsPath || uri.path} (${problems.length} problem(s))`);
  }

  relintAll(): void {
    const seen = new Set<string>();
    for (const d of vscode.workspace.textDocuments) { seen.add(d.uri.toString()); this.lintDocument(d); }
    const others: vscode.Uri[] = [];
    this.collection.forEach((uri) => { if (!seen.has(uri.toString())) others.push(uri); });
    for (const uri of others) this.lintFile(uri);
  }

  private clear(uri: vscode.Uri): void {
    this.deps.forget(uri);
    this.problems.delete(uri.toString());
    this.collection.delete(uri);
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const problems = this.problems.get(doc.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const code = codeOf(d);
      const p = problems.find((x) => x.code === code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
      if (!p) continue;
      for (const fix of p.fixes ?? []) {
        const a = toCodeAction(doc.uri, fix, d);
        if (a) actions.push(a);
      }
      if (this.spec.disableComment && code) actions.push(this.disableAction(doc, d, code));
    }
    return actions;
  }

  private disableAction(doc: vscode.TextDocument, d: vscode.Diagnostic, code: string): vscode.CodeAction {
    const line = doc.lineAt(d.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const a = new vscode.CodeAction(`Disable ${code} for this line`, vscode.CodeActionKind.QuickFix);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.insert(doc.uri, new vscode.Position(line.lineNumber, 0), `${indent}${this.spec.disableComment?.(code) ?? ''}\n`);
    a.diagnostics = [d];
    return a;
  }
}

