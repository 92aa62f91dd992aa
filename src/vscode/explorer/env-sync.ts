// `Pull config to .env` and `Push .env to app`: both compute the change, show it in a diff editor, and write
// nothing without a yes in a modal. Pull keeps the file's comments, order, quoting and local-only keys and
// writes atomically; push only sets keys the file has (it never deletes the app's other config vars).
// The diff shows real values: it is the user's own file against their app, and a masked diff could not show
// what changes. The values live only in this in-memory document provider and never reach the log.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { patchBody, summarizeChanges } from '../../core/env/diff';
import { planPull, planPush } from '../../core/env/sync';
import type { Redactor } from '../../core/redact';
import { UserCancelled, UserFacingError, type CommandContext, type Commands } from '../commands';
import { requireTrust } from '../trust';
import { confirm, pickApp, requireClient, unwrap, type ExplorerDeps } from './deps';
import { withCancellableProgress } from './progress';

export const ENV_SCHEME = 'heroku-env';

/** Read-only documents for the diff's generated side. */
export class EnvDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private seq = 0;
  uri(label: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: ENV_SCHEME, path: `/${label}`, query: String(++this.seq) });
    this.texts.set(uri.toString(), text);
    return uri;
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
  clear(): void {
    this.texts.clear();
  }
}

async function chooseEnvFile(ctx: CommandContext, deps: ExplorerDeps, app: string, arg: unknown, mustExist: boolean): Promise<string> {
  if (arg instanceof vscode.Uri && arg.scheme === 'file') return arg.fsPath;
  const fromRemotes = (await deps.workspaceApps()).filter((w) => w.app === app).map((w) => w.folder);
  const folders = fromRemotes.length ? fromRemotes : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  let candidates = [...new Set(folders)].map((f) => path.join(f, '.env'));
  if (mustExist) {
    const existing = [];
    for (const c of candidates) if ((await deps.fs.readText(c)) !== undefined) existing.push(c);
    candidates = existing;
  }
  if (candidates.length === 0) throw new UserFacingError(mustExist ? 'No .env file found for this app in the workspace.' : 'Open a folder first: the .env file is written into it.');
  if (candidates.length === 1) return candidates[0];
  const pick = await ctx.ui.showQuickPick(candidates.map((c) => ({ label: vscode.workspace.asRelativePath(c), description: c, file: c })), { placeHolder: `.env file for ${app}` });
  if (!pick) throw new UserCancelled();
  return pick.file;
}

/** Opens the diff; waits for it at most a moment so the question never hangs on a slow editor. */
async function showDiff(left: vscode.Uri, right: vscode.Uri, title: string): Promise<void> {
  const opened = Promise.resolve(vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([opened.catch(() => undefined), new Promise<void>((r) => { timer = setTimeout(r, 1500); })]);
  clearTimeout(timer);
}

export function registerEnvSync(commands: Commands, deps: ExplorerDeps, redactor: Redactor, docs: EnvDocuments): vscode.Disposable[] {
  /** The app's config (fresh, no ETag); values that are not text are left out and counted in `skipped`. */
  const readConfig = async (ctx: CommandContext, app: string) => withCancellableProgress(ctx, deps, { title: `Reading the config vars of ${app}…` }, async (signal) => {
    const r = await requireClient(deps).configVars(app, { cache: false, signal });
    const vars = unwrap(r, `read the config vars of ${app}`);
    for (const v of Object.values(vars)) redactor.add(v);
    const skipped = r.ok ? r.skipped ?? 0 : 0;
    if (skipped) ctx.log.warn(`config of ${app}: ${skipped} value(s) that are not text were left out`);
    return { vars, skipped };
  });
  const skippedNote = (n: number) => (n ? ` ${n} config var(s) whose value Heroku did not send as text are left out.` : '');

  return [
    commands.register('heroku.config.pull', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg instanceof vscode.Uri ? undefined : arg);
      const file = await chooseEnvFile(ctx, deps, app, arg, false);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
      if (open?.isDirty) throw new UserFacingError(`${path.basename(file)} has unsaved changes: save it first.`);
      const { vars: config, skipped } = await readConfig(ctx, app);
      const before = await deps.fs.readText(file);
      const { after, changes } = planPull(before, config);
      const rel = vscode.workspace.asRelativePath(file);
      if (changes.length === 0) {
        void ctx.ui.showInformationMessage(`${rel} already matches the config of ${app}.`);
        return { written: false, changes: 0 };
      }
      const left = before === undefined ? docs.uri(`${rel} (new)`, '') : vscode.Uri.file(file);
      await showDiff(left, docs.uri(`${rel} (pulled from ${app})`, after), `${rel} ↔ config of ${app} (pull)`);
      await confirm(ctx, `Write ${summarizeChanges(changes)} to ${rel}?`, 'Write', `Comments, order and keys only in the file are kept.${skippedNote(skipped)}`);
      if ((await deps.fs.readText(file)) !== before) throw new UserFacingError(`${rel} changed while the diff was open; nothing was written. Pull again.`);
      await deps.fs.writeTextAtomic(file, after);
      docs.clear();
      ctx.log.info(`pulled ${changes.length} config var change(s) of ${app} into ${rel}`);
      void ctx.ui.showInformationMessage(`Wrote ${summarizeChanges(changes)} to ${rel}.`);
      return { written: true, changes: changes.length };
    }),
    commands.register('heroku.config.push', async (ctx, arg: unknown) => {
      requireTrust(ctx, 'Push .env to App', 'sends the values of a .env file in this workspace to a Heroku app');
      const app = await pickApp(ctx, deps, arg instanceof vscode.Uri ? undefined : arg);
      const file = await chooseEnvFile(ctx, deps, app, arg, true);
      const text = (await deps.fs.readText(file)) ?? '';
      const { vars: remote, skipped: odd } = await readConfig(ctx, app);
      const { local, changes, diff, ignoredLines: skipped } = planPush(text, remote);
      for (const v of local.values()) redactor.add(v);
      const rel = vscode.workspace.asRelativePath(file);
      if (changes.length === 0) {
        void ctx.ui.showInformationMessage(`The config of ${app} already has every value in ${rel}.`);
        return { pushed: false, changes: 0 };
      }
      await showDiff(docs.uri(`${app} config (now)`, diff.now), docs.uri(`${app} config (after push of ${rel})`, diff.after), `config of ${app} ↔ ${rel} (push)`);
      await confirm(ctx, `Push ${summarizeChanges(changes)} to ${app}?`, 'Push',
        `The app restarts. Config vars that are not in ${rel} are kept.${skipped ? ` ${skipped} line(s) of ${rel} are not KEY=value and are ignored.` : ''}${skippedNote(odd)}`);
      await withCancellableProgress(ctx, deps, { app, title: `Pushing ${rel} to ${app}…`, cancelNote: 'If Heroku already received the change, it still happens.' }, async (signal) =>
        unwrap(await requireClient(deps).updateConfigVars(app, patchBody(changes), { signal }), `update the config vars of ${app}`));
      docs.clear();
      void deps.state.changed(app);
      ctx.log.info(`pushed ${changes.length} config var change(s) from ${rel} to ${app}`);
      void ctx.ui.showInformationMessage(`Pushed ${summarizeChanges(changes)} to ${app}.`);
      return { pushed: true, changes: changes.length };
    }),
  ];
}
