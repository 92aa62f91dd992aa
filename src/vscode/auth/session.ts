// services.heroku: the signed-in session for every Heroku feature. Wraps the vscode-free HerokuSessionCore (which
// the composition root builds, with the environment, HOME and SecretStorage) with the `heroku.apiUrl` setting, the
// `heroku.signedIn` context key, a two-factor prompt, the 401 offer, the rate-limit warning and the redactor.
// Construction does no I/O; start() reads the local token sources (env, secrets, netrc) — never the network — so
// activation stays cheap.
import * as vscode from 'vscode';
import { lowRateLimitMessage, RateLimitWatch } from '../../core/heroku/rate-limit';
import type { Redactor } from '../../core/redact';
import type { HerokuSessionCore, SessionClient, SessionDeps, SessionInfo, SignInOutcome, SignOutOutcome } from '../../infra/heroku/auth/session';
import type { Commands } from '../commands';
import type { Logger } from '../log';

export const SIGNED_IN_CONTEXT = 'heroku.signedIn';

export interface HerokuSessionOptions {
  secrets: vscode.SecretStorage;
  log: Logger;
  redactor: Redactor;
  /** Its `ui` answers the two-factor prompt (tests replace it). */
  commands: Commands;
}

/** What this adapter gives the session core; the composition root adds the environment, HOME and the secrets. */
export type SessionHooks = Pick<SessionDeps, 'apiUrlSetting' | 'warn' | 'onToken' | 'clientOptions'>;

export class HerokuSession implements vscode.Disposable {
  private readonly core: HerokuSessionCore;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly rateChanged = new vscode.EventEmitter<number>();
  private readonly subs: vscode.Disposable[] = [];
  private rateSub: { dispose(): void } | undefined;
  private offered: string | undefined;
  /** Fires when the token, its source or the API URL changed (sign in/out, setting, env, netrc). */
  readonly onDidChangeSession: vscode.Event<void> = this.changed.event;
  /** Each `RateLimit-Remaining` the current client reads. */
  readonly onDidChangeRateLimit: vscode.Event<number> = this.rateChanged.event;

  constructor(private readonly opts: HerokuSessionOptions, connect: (hooks: SessionHooks) => HerokuSessionCore) {
    this.core = connect({
      apiUrlSetting: () => vscode.workspace.getConfiguration('heroku').get<string>('apiUrl'),
      warn: (message) => opts.log.warn(message),
      onToken: (t) => opts.redactor.add(t),
      clientOptions: {
        userAgent: 'heroku-workflows-vscode',
        twoFactor: (req) => this.askTwoFactor(req.method, req.path),
        trace: (line) => opts.log.debug(`api: ${line}`),
        onUnauthorized: () => this.offerSignIn(),
      },
    });
    this.subs.push(
      this.changed,
      this.rateChanged,
      toVs(this.core.onDidChange(() => {
        void vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, this.core.state.signedIn);
        const s = this.core.state;
        opts.log.info(s.signedIn ? `Heroku: signed in (token from ${s.source}) at ${s.apiUrl}` : `Heroku: signed out (${s.apiUrl})`);
        this.offered = undefined;
        this.watchRateLimit();
        this.changed.fire();
      })),
      opts.secrets.onDidChange((e) => { if (e.key.startsWith('heroku.')) void this.refresh(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.apiUrl')) void this.refresh(); }),
    );
  }

  /** Reads the token sources once and sets the context key; call after construction. */
  async start(): Promise<void> {
    await this.refresh();
    await vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, this.core.state.signedIn);
  }

  /** The client for the current token, or undefined when signed out (no I/O). */
  getClient(): SessionClient | undefined {
    return this.core.current;
  }

  /** Re-reads the token sources first (e.g. a netrc written by `heroku login` meanwhile). */
  resolveClient(): Promise<SessionClient | undefined> {
    return this.core.getClient();
  }

  get state(): SessionInfo {
    return this.core.state;
  }

  async refresh(): Promise<SessionInfo> {
    try {
      return await this.core.refresh();
    } catch (err) {
      this.opts.log.error('Heroku: reading the token sources failed', err);
      return this.core.state;
    }
  }

  signIn(apiKey: string): Promise<SignInOutcome> {
    return this.core.signIn(apiKey);
  }

  signOut(): Promise<SignOutOutcome> {
    return this.core.signOut();
  }

  private async askTwoFactor(method: string, path: string): Promise<string | undefined> {
    const code = await this.opts.commands.ui.showInputBox({
      title: 'Heroku two-factor authentication',
      prompt: `${method} ${path} needs a two-factor code from your authenticator app.`,
      placeHolder: '123456',
      ignoreFocusOut: true,
      validateInput: (v) => (/^\s*[0-9A-Za-z-]{4,}\s*$/.test(v) ? undefined : 'Enter the code from your authenticator app.'),
    });
    return code?.trim() || undefined;
  }

  /** A 401 on the session's token: offer to sign in again, once per token. */
  private offerSignIn(): void {
    const s = this.core.state;
    const key = `${s.source}:${s.detail}:${s.apiUrl}`;
    if (this.offered === key) return;
    this.offered = key;
    const where = s.source === 'env' ? ' (from HEROKU_API_KEY)' : s.source === 'netrc' ? ` (from ${s.detail ?? '~/.netrc'})` : '';
    this.opts.log.warn(`Heroku answered 401: the API key${where} was rejected.`);
    void this.opts.commands.ui
      .showWarningMessage(`Heroku rejected the API key${where} (401). It may have been revoked or expired.`, {}, 'Sign In')
      .then((pick) => { if (pick === 'Sign In') void vscode.commands.executeCommand('heroku.signIn'); });
  }

  /**
   * A warning notification (and a log line) when RateLimit-Remaining drops below LOW_RATE_LIMIT: once per drop,
   * again only after it recovered (RateLimitWatch). Each value also reaches onDidChangeRateLimit (the status bar).
   */
  private watchRateLimit(): void {
    this.rateSub?.dispose();
    const watch = new RateLimitWatch();
    this.rateSub = this.core.current?.onRateLimit((n) => {
      this.rateChanged.fire(n);
      const event = watch.note(n);
      if (event === 'recovered') this.opts.log.info(`Heroku API rate limit recovered: ${n} requests left.`);
      if (event !== 'low') return;
      const message = lowRateLimitMessage(n);
      this.opts.log.warn(message);
      void this.opts.commands.ui.showWarningMessage(message, {}, 'Refresh Settings').then((pick) => {
        if (pick === 'Refresh Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'heroku.explorer.refreshInterval');
      }, () => undefined);
    });
  }

  dispose(): void {
    this.rateSub?.dispose();
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

function toVs(d: { dispose(): void }): vscode.Disposable {
  return { dispose: () => d.dispose() };
}
