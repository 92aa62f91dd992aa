// The only composition root: builds infra, core and the vscode adapters, and owns their disposal. It is
// dist/main.js, which src/extension.ts (the entry VS Code loads) requires on the tick after activation, or at once
// when a command or the API needs it. compose() only registers (commands, providers, views): it awaits no I/O.
// Reading the token sources runs after it returns (services.ready), the workspace scans and git discovery later
// still, and the heavy parts live in further bundles required on first use (scripts/build.mjs `lazyBundles`): the
// Platform API client (dist/heroku.js) loads with the first sign-in.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { DeployIo } from '../core/deploy/ports';
import type { LogTailer } from '../core/logs/ports';
import type { LocalIo } from '../core/runner/supervisor-port';
import { Redactor } from '../core/redact';
import { intervalFromSetting, RefreshScheduler } from '../core/state/scheduler';
import { AppStore } from '../core/state/store';
import { HerokuSessionCore } from '../infra/heroku/auth/session';
import { systemClock } from '../infra/clock';
import { nodeFiles } from '../infra/fs/node-files';
import { gitHistory } from '../infra/git/log';
import { nodeGit } from '../infra/git/node-git';
import { httpTextStreams } from '../infra/http/text-stream';
import { registerAuth } from './auth/commands';
import { HerokuSession } from './auth/session';
import { Commands } from './commands';
import { deferFeature } from './deferred';
import { registerDeploy } from './deploy/index';
import { registerLogs } from './logs/index';
import { registerLocal } from './local/index';
import { EXPLORER_COMMANDS } from './explorer/ids';
import { lazyBundle } from './lazy-bundle';
import { registerPipelinesLazily } from './pipeline/ids';
import { ExtensionLog } from './log';
import { manifest, registerManifest } from './manifest/index';
import { registerProcfile } from './procfile/index';
import type { FeatureRegistration, Services } from './services';
import { registerStatusBar } from './statusbar/status-bar';
import { WorkspaceRemotes } from './workspace-remotes';

/** Exposed for integration tests (returned from activate). */
export interface ExtensionApi {
  readonly services: Services;
  /** performance.now() when compose() had registered every feature (bench/activate-probe reads it). */
  readonly composedAt: number;
}

// dist/explorer.js: the tree, its commands and .env sync; started just after activation (commands are stubs until then).
const explorer = lazyBundle<typeof import('./explorer/register')>(() => require('./explorer.js'));
// dist/heroku.js: the Platform API client with its decoders (axios itself is dist/axios.js, loaded with the first request).
const herokuClient = lazyBundle<typeof import('../infra/heroku/client')>(() => require('./heroku.js'));
// dist/deploy-io.js: the deploy's and one-off dynos' Node side (tar, ignore, uploads, TLS), with the first deploy or run.
const deployInfra = lazyBundle<typeof import('../infra/deploy/io')>(() => require('./deploy-io.js'));
// dist/logstream.js: log sessions and logplex streams with their reconnects, with the first log tail.
const logInfra = lazyBundle<typeof import('../infra/logstream/tailer')>(() => require('./logstream.js'));
// dist/local-io.js: the local runner's process supervisor (process groups, watchdog), with the first local run.
const localInfra = lazyBundle<typeof import('../infra/process/local-io')>(() => require('./local-io.js'));

/** `activated`: performance.now() when activate() began, for the log line. */
export function compose(context: vscode.ExtensionContext, activated: number): ExtensionApi {
  const started = performance.now();
  const redactor = new Redactor();
  const log = new ExtensionLog(redactor);
  context.subscriptions.push(log);
  const commands = new Commands(log, (t) => redactor.redact(t));
  const env = process.env;
  const heroku = new HerokuSession({ secrets: context.secrets, log, redactor, commands }, (hooks) => new HerokuSessionCore({
    ...hooks,
    env,
    home: env.HOME || env.USERPROFILE || os.homedir(),
    secrets: context.secrets,
    createClient: (options) => new (herokuClient().HerokuClient)(options),
  }));
  context.subscriptions.push(heroku);
  // Local token sources only (env, secret storage, netrc): no network, and not awaited here.
  const ready = heroku.start().catch((err: unknown) => log.error('Heroku: reading the session failed', err));
  const remotes = new WorkspaceRemotes(nodeGit, log);
  context.subscriptions.push(remotes);
  const state = new AppStore({
    api: () => heroku.getClient(), clock: systemClock, onSecret: (v) => redactor.add(v),
    onListenerError: (err) => log.error('a listener of the app state failed', err),
  });
  const scheduler = new RefreshScheduler(state, systemClock, (err) => log.error('the refresh failed', err));
  const interval = () => intervalFromSetting(vscode.workspace.getConfiguration('heroku.explorer').get<number>('refreshInterval'));
  scheduler.setInterval(interval());
  context.subscriptions.push(state, scheduler,
    heroku.onDidChangeSession(() => state.reset()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.explorer.refreshInterval')) scheduler.setInterval(interval()); }));
  let deployIo: DeployIo | undefined;
  let logTailer: LogTailer | undefined;
  let localIo: LocalIo | undefined;
  const services: Services = { context, log, redactor, commands, heroku, remotes, state, scheduler, clock: systemClock, fs: nodeFiles,
    textStreams: httpTextStreams, gitHistory, ready,
    deployIo: () => (deployIo ??= deployInfra().createDeployIo(() => heroku.getClient(), () => heroku.state.apiUrl, (...a) => manifest().lintFile(...a))), // dist/manifest.js's linters: yaml ships once
    logTailer: () => (logTailer ??= logInfra().createLogTailer(() => heroku.getClient(), 'heroku-workflows-vscode')),
    localIo: () => (localIo ??= localInfra().createLocalIo()),
  };

  context.subscriptions.push(commands.register('heroku.showLog', () => log.show()));

  const features: [string, FeatureRegistration][] = [
    // Each feature registers itself here (one line each); registration is synchronous and does no I/O.
    ['procfile', registerProcfile],
    ['manifest', registerManifest],
    ['explorer', (s) => deferFeature('explorer', EXPLORER_COMMANDS, () => explorer().registerExplorer(s), s.log)],
    ['auth', registerAuth],
    ['statusbar', registerStatusBar],
    ['pipelines', registerPipelinesLazily],
    ['deploy', registerDeploy],
    ['logs', registerLogs],
    ['local', registerLocal],
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
  const now = performance.now();
  log.info(`started ${(now - activated).toFixed(1)} ms after activation; composed in ${(now - started).toFixed(1)} ms (${times.join(', ')})`);
  return { services, composedAt: now };
}
