// The only composition root: builds infra, core and the vscode adapters, and owns their disposal.
// activate() only registers (commands, providers, views): it awaits no I/O. Reading the token sources runs
// after it returns (services.ready), the workspace scans and git discovery later still, and the heavy parts
// live in separate bundles required on first use (scripts/build.mjs `lazyBundles`, src/vscode/lazy-bundle.ts).
import * as vscode from 'vscode';
import { Redactor } from './core/redact';
import { registerAuth } from './vscode/auth/commands';
import { HerokuSession } from './vscode/auth/session';
import { Commands } from './vscode/commands';
import { deferFeature } from './vscode/deferred';
import { EXPLORER_COMMANDS } from './vscode/explorer/ids';
import { lazyBundle } from './vscode/lazy-bundle';
import { ExtensionLog } from './vscode/log';
import { registerManifest } from './vscode/manifest/index';
import { registerProcfile } from './vscode/procfile/index';
import type { FeatureRegistration, Services } from './vscode/services';
import { registerStatusBar } from './vscode/statusbar/status-bar';

/** Exposed for integration tests (returned from activate). */
export interface ExtensionApi {
  services: Services;
}

// dist/explorer.js: the tree, its commands and .env sync; started just after activation (commands are stubs until then).
const explorer = lazyBundle<typeof import('./vscode/explorer/register')>(() => require('./explorer.js'));

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = Date.now();
  const redactor = new Redactor();
  const log = new ExtensionLog(redactor);
  context.subscriptions.push(log);
  const commands = new Commands(log, (t) => redactor.redact(t));
  const heroku = new HerokuSession({ secrets: context.secrets, log, redactor, commands });
  context.subscriptions.push(heroku);
  // Local token sources only (env, secret storage, netrc): no network, and not awaited here.
  const ready = heroku.start().catch((err: unknown) => log.error('Heroku: reading the session failed', err));
  const services: Services = { context, log, redactor, commands, heroku, ready };

  context.subscriptions.push(commands.register('heroku.showLog', () => log.show()));

  const features: [string, FeatureRegistration][] = [
    // Each feature registers itself here (one line each); registration is synchronous and does no I/O.
    ['procfile', registerProcfile],
    ['manifest', registerManifest],
    ['explorer', (s) => deferFeature('explorer', EXPLORER_COMMANDS, () => explorer().registerExplorer(s), s.log)],
    ['auth', registerAuth],
    ['statusbar', registerStatusBar],
  ];
  const times: string[] = [];
  for (const [name, register] of features) {
    const failed = (err: unknown) => log.error(`feature ${name} failed to start`, err);
    const t0 = performance.now();
    try {
      const d = register(services);
      if (d instanceof Promise) d.then((x) => { if (x) context.subscriptions.push(x); }, failed);
      else if (d) context.subscriptions.push(d);
    } catch (err) {
      failed(err);
    }
    times.push(`${name} ${(performance.now() - t0).toFixed(1)}`);
  }
  log.info(`activated in ${Date.now() - started} ms (${times.join(', ')})`);
  return { services };
}

export function deactivate(): void {
  // Everything is on context.subscriptions.
}
