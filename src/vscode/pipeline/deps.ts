// What the pipeline feature's parts share: the ports (API, streams, clock, git), the session's change events,
// prompts (the command wrapper's injectable ui), output sinks, and the feature's lifetime.
import * as vscode from 'vscode';
import type { Clock, GitHistory, PipelineApi, TextStreams } from '../../core/pipeline/ports';
import type { AppStore } from '../../core/state/store';
import { UserCancelled, UserFacingError, type UserInput } from '../commands';
import type { Logger } from '../log';

export interface PipelineDeps {
  api: PipelineApi;
  /** The one app-state store: the Pipelines view reads the pipeline list, couplings and latest releases there. */
  store: AppStore;
  streams: TextStreams;
  clock: Clock;
  git: GitHistory;
  log: Logger;
  /** The command wrapper's ui (tests answer prompts through it). */
  ui(): UserInput;
  extensionUri: vscode.Uri;
  /** Fires with an app's name when the app-state store saw it change (an action here or anywhere else). */
  onDidChangeApp(listener: (app: string) => void): { dispose(): void };
  notifyAppChanged(app: string): void;
  onDidChangeSession: vscode.Event<unknown>;
  /** The workspace folder whose git remotes name `app`, if any. */
  folderOf(apps: readonly string[]): Promise<string | undefined>;
  sink(name: string): OutputSink;
  /** Each tick of the one refresh scheduler (heroku.explorer.refreshInterval; none when it is 0). */
  onDidTick(listener: () => void): { dispose(): void };
  /** Aborted when the feature is disposed. */
  signal: AbortSignal;
}

/** A modal question; resolves only when the user chose `action`. */
export async function confirmModal(deps: PipelineDeps, message: string, detail: string, action: string): Promise<void> {
  const answer = await deps.ui().showWarningMessage(message, { modal: true, detail }, action);
  if (answer !== action) throw new UserCancelled();
}

export function mustFind<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new UserFacingError(`${what} is no longer shown: refresh and try again.`);
  return v;
}

/**
 * An output channel that also keeps the last 64 KB it was given (host tests read it: VS Code has no API to read a
 * channel). Control characters other than newline and tab are dropped (colour codes in release-phase output).
 */
export class OutputSink implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;
  text = '';

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name);
  }

  append(chunk: string): void {
    // eslint-disable-next-line no-control-regex
    const clean = chunk.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
    this.channel.append(clean);
    this.text = (this.text + clean).slice(-65_536);
  }

  line(text: string): void {
    this.append(`${text}\n`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
