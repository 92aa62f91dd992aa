// The signed-in state without vscode: which token is in use (and from where), one HerokuClient per token and API
// URL, sign-in (check the key with GET /account, then store it) and sign-out. Resolving reads only local
// sources (env, secret storage, netrc): no network until a feature asks the client for something.
import { HerokuClient } from '../client';
import type { ApiUrlResolution, ExtraHeaders } from '../config';
import { describeHerokuError, type HerokuError, type Result } from '../../../core/heroku/result';
import type { TransportOptions } from '../transport';
import type { Account } from '../../../core/heroku/types';
import { resolveToken, SECRET_KEY, type TokenInfo, type TokenSourceDeps } from './token-sources';

export interface SessionDeps extends TokenSourceDeps {
  apiUrl: () => ApiUrlResolution;
  extraHeaders: () => ExtraHeaders;
  /** Client settings other than URL, token and headers (two-factor prompt, trace, timeouts). */
  clientOptions?: Omit<Partial<TransportOptions>, 'baseUrl' | 'getToken' | 'extraHeaders'>;
  /** Told about every token in use, so it can be masked in all output. */
  onToken?: (token: string) => void;
}

export interface SessionInfo {
  signedIn: boolean;
  source?: TokenInfo['source'];
  detail?: string;
  apiUrl: string;
}

export type SignInOutcome = { ok: true; account: Account; shadowedByEnv: boolean } | { ok: false; message: string; error?: HerokuError };
export type SignOutOutcome = { removed: boolean; stillSignedInFrom?: TokenInfo['source']; detail?: string };

export class HerokuSessionCore {
  private client: HerokuClient | undefined;
  private clientKey = '';
  private info: SessionInfo;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SessionDeps) {
    this.info = { signedIn: false, apiUrl: deps.apiUrl().url };
  }

  /** The last resolved state (call refresh() first for a fresh one). */
  get state(): SessionInfo {
    return this.info;
  }

  /** The client for the current token, if resolved and signed in. */
  get current(): HerokuClient | undefined {
    return this.client;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Re-reads the token sources and the API URL; notifies listeners when anything changed. Calls are serialized. */
  refresh(): Promise<SessionInfo> {
    const next = this.queue.then(() => this.doRefresh());
    this.queue = next.catch(() => this.info);
    return next;
  }

  private async doRefresh(): Promise<SessionInfo> {
    const api = this.deps.apiUrl();
    const token = await resolveToken(this.deps, new URL(api.url).hostname);
    const key = token ? `${token.source}\u0000${token.token}\u0000${api.url}` : `\u0000${api.url}`;
    if (key === this.clientKey) return this.info;
    this.clientKey = key;
    if (token) this.deps.onToken?.(token.token);
    this.client = token ? this.makeClient(api.url, token.token) : undefined;
    this.info = token ? { signedIn: true, source: token.source, detail: token.detail, apiUrl: api.url } : { signedIn: false, apiUrl: api.url };
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // One listener's failure must not stop the others.
      }
    }
    return this.info;
  }

  async getClient(): Promise<HerokuClient | undefined> {
    await this.refresh();
    return this.client;
  }

  /** Checks `apiKey` with GET /account; stores it only when Heroku accepts it. */
  async signIn(apiKey: string, signal?: AbortSignal): Promise<SignInOutcome> {
    const key = apiKey.trim();
    if (key === '' || /\s/.test(key)) return { ok: false, message: 'An API key is one word without spaces; nothing was stored.' };
    this.deps.onToken?.(key);
    const probe = this.makeClient(this.deps.apiUrl().url, key, true);
    const r: Result<Account> = await probe.account({ signal, cache: false });
    if (!r.ok) {
      const message = r.error.status === 401
        ? 'Heroku rejected this API key (401). Check it with `heroku auth:token` or create one under Account settings → API Key; nothing was stored.'
        : `Could not check the API key: ${describeHerokuError(r.error)} Nothing was stored.`;
      return { ok: false, message, error: r.error };
    }
    await this.deps.secrets.store(SECRET_KEY, key);
    await this.refresh();
    return { ok: true, account: r.value, shadowedByEnv: this.info.source === 'env' };
  }

  /** Forgets the stored key. Env and netrc tokens stay (they are not ours to remove). */
  async signOut(): Promise<SignOutOutcome> {
    const had = (await this.deps.secrets.get(SECRET_KEY)) !== undefined;
    await this.deps.secrets.delete(SECRET_KEY);
    const info = await this.refresh();
    return info.signedIn ? { removed: had, stillSignedInFrom: info.source, detail: info.detail } : { removed: had };
  }

  /** `probe`: the sign-in check, whose 401 is the answer rather than news about the current session. */
  private makeClient(baseUrl: string, token: string, probe = false): HerokuClient {
    return new HerokuClient({
      ...this.deps.clientOptions,
      ...(probe ? { onUnauthorized: undefined } : {}),
      baseUrl,
      extraHeaders: this.deps.extraHeaders().headers,
      getToken: () => token,
    });
  }
}
