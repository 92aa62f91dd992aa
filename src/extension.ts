// The only composition root: builds infra, core and the vscode adapters, and owns their disposal.
// Features are loaded lazily where they are heavy; nothing is created at import time.
import * as vscode from 'vscode';
import { Redactor } from './core/redact';
import { HerokuSession } from './vscode/auth/session';
import { Commands } from './vscode/commands';
import { ExtensionLog } from './vscode/log';
import type { FeatureRegistration, Services } from './vscode/services';

/** Exposed for integration tests (returned from activate). */
export interface ExtensionApi {
  services: Services;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const started = Date.now();
  const redactor = new Redactor();
  const log = new ExtensionLog(redactor);
  context.subscriptions.push(log);
  const commands = new Commands(log, (t) => redactor.redact(t));
  const heroku = new HerokuSession({ secrets: context.secrets, log, redactor, commands });
  context.subscriptions.push(heroku);
  const services: Services = { context, log, redactor, commands, heroku };
  await heroku.start(); // local token sources only (env, secret storage, netrc): no network

  context.subscriptions.push(commands.register('heroku.showLog', () => log.show()));

  const features: [string, FeatureRegistration][] = [
    // Each feature registers itself here (one line each).
    ['procfile', async (s) => (await import('./vscode/procfile/index')).registerProcfile(s)],
    ['manifest', async (s) => (await import('./vscode/manifest')).registerManifest(s)],
    ['explorer', async (s) => (await import('./vscode/explorer/register')).registerExplorer(s)],
    ['auth', async (s) => (await import('./vscode/auth/commands')).registerAuth(s)],
    ['statusbar', async (s) => (await import('./vscode/statusbar/status-bar')).registerStatusBar(s)],
  ];
  for (const [name, register] of features) {
    try {
      const d = await register(services);
      if (d) context.subscriptions.push(d);
    } catch (err) {
      log.error(`feature ${name} failed to start`, err);
    }
  }
  log.info(`activated in ${Date.now() - started} ms`);
  return { services };
}

export function deactivate(): void {
  // Everything is on context.subscriptions.
}
