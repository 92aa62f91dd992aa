// Where the API token comes from, in the Heroku CLI's order: HEROKU_API_KEY, then the extension's own
// SecretStorage entry ("Heroku: Sign In"), then ~/.netrc. Pure of vscode: SecretStorage arrives as a port.
import { SECRET_KEY, type TokenSourceKind } from '../../../core/auth/sources';
import type { SecretStore } from '../../../core/heroku/ports';
import { readNetrcToken, type NetrcDeps } from './netrc-file';

export { SECRET_KEY };
export type { SecretStore, TokenSourceKind };

export interface TokenInfo {
  token: string;
  source: TokenSourceKind;
  /** Where exactly, for "Show Account": `HEROKU_API_KEY`, `VS Code secret storage`, or the netrc path. */
  detail: string;
}

export interface TokenSourceDeps extends NetrcDeps {
  env: Record<string, string | undefined>;
  secrets: SecretStore;
}

export async function resolveToken(deps: TokenSourceDeps, apiHost: string): Promise<TokenInfo | undefined> {
  const env = deps.env.HEROKU_API_KEY?.trim();
  if (env) return { token: env, source: 'env', detail: 'HEROKU_API_KEY' };
  let stored: string | undefined;
  try {
    stored = (await deps.secrets.get(SECRET_KEY))?.trim();
  } catch {
    stored = undefined; // A broken keyring must not hide the other sources.
  }
  if (stored) return { token: stored, source: 'secret', detail: 'VS Code secret storage' };
  const netrc = await readNetrcToken(deps, apiHost);
  if (netrc) return { token: netrc.token, source: 'netrc', detail: netrc.file };
  return undefined;
}
