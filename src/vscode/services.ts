// What the composition root (src/vscode/compose.ts) builds once and hands to every feature's register function.
// Features get their I/O from here (ports implemented in src/infra), never by importing infra themselves.
import type * as vscode from 'vscode';
import type { Clock, FileSystem } from '../core/heroku/ports';
import type { DeployIo } from '../core/deploy/ports';
import type { LogTailer } from '../core/logs/ports';
import type { LocalIo } from '../core/runner/supervisor-port';
import type { GitHistory, TextStreams } from '../core/pipeline/ports';
import type { Redactor } from '../core/redact';
import type { RefreshScheduler } from '../core/state/scheduler';
import type { AppStore } from '../core/state/store';
import type { HerokuSession } from './auth/session';
import type { Commands } from './commands';
import type { ExtensionLog } from './log';
import type { WorkspaceRemotes } from './workspace-remotes';

export interface Services {
  context: vscode.ExtensionContext;
  log: ExtensionLog;
  redactor: Redactor;
  commands: Commands;
  /** The Heroku sign-in session: `getClient()` (sync, undefined when signed out), `onDidChangeSession`. */
  heroku: HerokuSession;
  /** The workspace's Heroku git remotes, found once for the explorer, the status bar and the CodeLens. */
  remotes: WorkspaceRemotes;
  /**
   * The one app-state store: every view reads apps here and subscribes to `onDidChangeApp`; an action that changed
   * an app calls `changed(app)`. Reset on every sign-in change.
   */
  state: AppStore;
  /** The one refresh timer (heroku.explorer.refreshInterval) for what the views want (`state.want`). */
  scheduler: RefreshScheduler;
  /** Time for polling and back-off (the one clock; tests of core pass a fake one). */
  clock: Clock;
  /** The local disk: .env files, the linters' neighbours. */
  fs: FileSystem;
  /** Plain-text output URLs (release phase, builds, CI nodes): signed, read without the token. */
  textStreams: TextStreams;
  /** Local git history (commits between two deployed revisions). */
  gitHistory: GitHistory;
  /** Deploy and one-off dynos' I/O (pack, upload, streams, rendezvous): its bundle loads on the first call. */
  deployIo(): DeployIo;
  /** Starts log tails with the session's client (src/infra/logstream): its bundle loads on the first call. */
  logTailer(): LogTailer;
  /** The local runner's process supervisor (infra/process): its bundle loads on the first local run. */
  localIo(): LocalIo;
  /** Settles once the work activate() started but did not wait for (reading the token sources) is done; never rejects. */
  ready: Promise<void>;
}

/** Each feature exports one of these; it registers what it owns on `context.subscriptions` or returns a Disposable. */
export type FeatureRegistration = (services: Services) => vscode.Disposable | void | Promise<vscode.Disposable | void>;
