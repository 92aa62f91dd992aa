// Heroku: Sign In / Sign Out / Show Account. Registered through the one command wrapper, so tests answer the
// prompts through `commands.ui`. Messages name the token's source; the token itself is never shown or logged.
import type * as vscode from 'vscode';
import { describeSource } from '../../infra/heroku/auth/token-sources';
import { describeHerokuError } from '../../core/heroku/result';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { Services } from '../services';
import type { HerokuSession } from './session';

export async function signIn(ctx: CommandContext, session: HerokuSession): Promise<string> {
  const key = await ctx.ui.showInputBox({
    title: 'Heroku: Sign In',
    prompt: 'Paste a Heroku API key (Dashboard → Account settings → API Key, or `heroku authorizations:create`).',
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'HRKU-…',
    validateInput: (v) => (v.trim() === '' ? 'Enter an API key.' : /\s/.test(v.trim()) ? 'An API key has no spaces.' : undefined),
  });
  if (key === undefined) throw new UserCancelled();
  const out = await session.signIn(key);
  if (!out.ok) {
    ctx.log.warn(`Heroku sign-in failed: ${out.error ? `${out.error.status} ${out.error.id}` : 'invalid input'}`);
    throw new UserFacingError(out.message);
  }
  const note = out.shadowedByEnv ? ' The key is stored, but HEROKU_API_KEY is set and is used first.' : '';
  const message = `Signed in to Heroku as ${out.account.email}.${note}`;
  void ctx.ui.showInformationMessage(message);
  return message;
}

export async function signOut(ctx: CommandContext, session: HerokuSession): Promise<string> {
  const out = await session.signOut();
  let message: string;
  if (out.stillSignedInFrom === 'env') {
    message = `${out.removed ? 'Removed the stored API key. ' : ''}Still signed in: the token comes from the HEROKU_API_KEY environment variable, which cannot be removed here. Unset it and restart VS Code.`;
  } else if (out.stillSignedInFrom === 'netrc') {
    message = `${out.removed ? 'Removed the stored API key. ' : ''}Still signed in: the token comes from ${out.detail ?? '~/.netrc'} (the Heroku CLI login), which is not changed here. Run \`heroku logout\` to remove it.`;
  } else {
    message = out.removed ? 'Signed out of Heroku: the stored API key was removed.' : 'You were not signed in to Heroku.';
  }
  void ctx.ui.showInformationMessage(message);
  return message;
}

export async function showAccount(ctx: CommandContext, session: HerokuSession): Promise<string> {
  const client = await session.resolveClient();
  const s = session.state;
  if (!client || !s.signedIn || !s.source) {
    const pick = await ctx.ui.showInformationMessage('Not signed in to Heroku.', 'Sign In');
    if (pick === 'Sign In') return signIn(ctx, session);
    return 'Not signed in to Heroku.';
  }
  const r = await client.account({ cache: false });
  if (!r.ok) throw new UserFacingError(`Could not read the Heroku account: ${describeHerokuError(r.error)}`);
  const a = r.value;
  const remaining = client.rateLimitRemaining;
  const lines = [
    `Account: ${a.email}${a.name ? ` (${a.name})` : ''}`,
    `Token from: ${describeSource(s.source)}${s.source === 'netrc' && s.detail ? ` — ${s.detail}` : ''}`,
    `Two-factor authentication: ${a.two_factor_authentication ? 'on' : 'off'}`,
    `API: ${s.apiUrl}${remaining !== undefined ? ` (rate limit remaining: ${remaining})` : ''}`,
  ];
  const text = lines.join('\n');
  ctx.log.info(`Heroku account:\n${text}`);
  void ctx.ui.showInformationMessage(lines.join(' · '));
  return text;
}

/** Feature line for src/extension.ts: `['auth', registerAuth]` (the session itself is built with the services). */
export function registerAuth(services: Services): vscode.Disposable | void {
  const session = services.heroku;
  const subs = [
    services.commands.register('heroku.signIn', (ctx) => signIn(ctx, session)),
    services.commands.register('heroku.signOut', (ctx) => signOut(ctx, session)),
    services.commands.register('heroku.showAccount', (ctx) => showAccount(ctx, session)),
  ];
  return { dispose: () => subs.forEach((d) => d.dispose()) };
}
