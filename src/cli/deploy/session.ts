// The CLI's Heroku client: the token from HEROKU_API_KEY or ~/.netrc (as the Heroku CLI), the API URL from
// HEROKU_API_URL. No secret storage and no prompts. Shared by `deploy` and `run`.
import type { HerokuApi } from '../../core/heroku/api';
import { HerokuSessionCore } from '../../infra/heroku/auth/session';
import { HerokuClient } from '../../infra/heroku/client';
import { resolveApiUrl } from '../../infra/heroku/config';
import type { CliIo } from '../run';

export interface CliSession {
  client: HerokuApi | undefined;
  apiUrl: string;
  token?: string;
}

export async function cliSession(io: CliIo): Promise<CliSession> {
  const env = io.env;
  const api = resolveApiUrl(env.HEROKU_API_URL, undefined);
  let token: string | undefined;
  const none = { get: async () => undefined, store: async () => undefined, delete: async () => undefined };
  const core = new HerokuSessionCore({
    env, home: env.HOME || env.USERPROFILE, secrets: none, apiUrlSetting: () => undefined,
    createClient: (options) => new HerokuClient(options),
    onToken: (t) => { token = t; }, clientOptions: { userAgent: 'heroku-workflows-cli' },
    warn: (message) => io.stderr.write(`heroku-workflows: ${message}\n`),
  });
  const client = await core.getClient();
  return { client, apiUrl: api.url, token };
}

/** Removes the token from a line before it is printed (defence in depth: nothing should carry it). */
export function scrub(text: string, token: string | undefined): string {
  return token && token.length >= 4 ? text.split(token).join('••••••••') : text;
}

export const NOT_SIGNED_IN = 'Not signed in to Heroku: set HEROKU_API_KEY, or log in with the Heroku CLI (heroku login writes ~/.netrc).\n';
