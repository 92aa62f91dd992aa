// Actions that wait on Heroku (restart, scale, rollback, promote, pull/push) run under a notification with a
// Cancel button. Its signal aborts the requests in flight; so does the explorer's disposal (deactivation). A
// cancelled change may already have reached Heroku, so the app is re-read and the message says so.
import * as vscode from 'vscode';
import { UserCancelled, type CommandContext } from '../commands';
import type { ExplorerDeps } from './deps';

/** One signal for both: aborted when either `a` or `b` is. */
function either(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const abort = (): void => ac.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return { signal: ac.signal, dispose: () => { a.removeEventListener('abort', abort); b.removeEventListener('abort', abort); } };
}

export interface ProgressTask {
  /** The app the work changes (re-read after a cancel); undefined for reads. */
  app?: string;
  /** Shown in the notification, e.g. "Scaling web of shop…". */
  title: string;
  /** What a cancel may leave behind, e.g. "The scale may still happen on Heroku." */
  cancelNote?: string;
}

/**
 * Runs `work` with a cancellable notification. `work` gets the signal to pass to every client call and a
 * `report` for progress lines. On cancel: the command ends quietly after one information message.
 */
export async function withCancellableProgress<T>(
  ctx: CommandContext, deps: ExplorerDeps, task: ProgressTask,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: task.title, cancellable: true }, async (progress, token) => {
    const user = new AbortController();
    const onCancel = token.onCancellationRequested(() => user.abort());
    const linked = either(user.signal, deps.signal);
    try {
      return await work(linked.signal, (message) => progress.report({ message }));
    } catch (err) {
      if (err instanceof UserCancelled && user.signal.aborted && !deps.signal.aborted) {
        const note = task.cancelNote ? ` ${task.cancelNote}` : '';
        ctx.log.info(`cancelled: ${task.title}`);
        if (task.app) void deps.state.changed(task.app);
        void ctx.ui.showInformationMessage(`Cancelled: ${task.title.replace(/…$/, '')}.${note}`);
      }
      throw err;
    } finally {
      onCancel.dispose();
      linked.dispose();
    }
  });
}
