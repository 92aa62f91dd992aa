// Starts code-server (the real VS Code server + workbench) with a private HOME, config, user data and
// extensions folder, in its own process group. Facts: ../shared/design/VSCODE-HOST.md.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VsCodeHost } from './host';
import { killGroup, spawnGroup, waitForOutput } from './procs';

export interface CodeServerOptions {
  host: VsCodeHost;
  /** Temp folder for HOME, config, user data and (unless given) the extensions dir. */
  tmp: string;
  /** Adds `--vscode-option enable-smoke-test-driver` (runs extensionTestsPath; hides toasts). */
  smokeDriver?: boolean;
  extensionsDir?: string;
  /** Extra environment for the server and so for the extension host. */
  env?: Record<string, string | undefined>;
  /** User settings.json content. */
  settings?: Record<string, unknown>;
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Receives server output (e.g. to print with --verbose). */
  onOutput?: (chunk: string) => void;
  /**
   * Workspace Trust on, with no startup prompt: the folder opens untrusted (Restricted Mode). Default off
   * (`--disable-workspace-trust`: every folder is trusted).
   */
  workspaceTrust?: boolean;
}

export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** vscode-remote URI of an absolute path on this machine, as the workbench payload wants it. */
  remoteUri(absPath: string): string;
  stop(): Promise<void>;
}

/** The parent environment minus variables that would leak into or confuse the test host. */
export function cleanEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_') || k === 'HEROKU_API_KEY' || k === 'HEROKU_API_URL'
      || k.startsWith('npm_') || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return env;
}

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const home = join(o.tmp, 'home');
  const userData = join(o.tmp, 'user-data');
  const extensionsDir = o.extensionsDir ?? join(o.tmp, 'extensions');
  for (const d of [home, join(o.tmp, 'tmp'), join(userData, 'User'), extensionsDir]) mkdirSync(d, { recursive: true });
  const config = join(o.tmp, 'config.yaml');
  const bind = `127.0.0.1:${o.port ?? 0}`;
  writeFileSync(config, `bind-addr: ${bind}\nauth: none\ncert: false\n`);
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'git.enabled': false,
    'security.workspace.trust.enabled': !!o.workspaceTrust,
    ...(o.workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
    'window.restoreWindows': 'none',
    // Keep the pictures about this extension: no chat panel, no AI entry points.
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...o.settings,
  };
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const args = [o.host.entry, '--auth', 'none', '--bind-addr', bind, '--config', config,
    '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry',
    '--disable-update-check', ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--ignore-last-opened', '--disable-proxy'];
  if (o.smokeDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const env = {
    ...cleanEnv(), HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'), TMPDIR: join(o.tmp, 'tmp'), EXTENSIONS_GALLERY: '{}', ...o.env,
  };
  const child = spawnGroup(o.host.node, args, { env: env as NodeJS.ProcessEnv, cwd: o.tmp });
  if (o.onOutput) {
    child.stdout?.on('data', (d: Buffer) => o.onOutput?.(d.toString()));
    child.stderr?.on('data', (d: Buffer) => o.onOutput?.(d.toString()));
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  let m: RegExpMatchArray;
  try {
    m = await waitForOutput(child, /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
  } catch (err) {
    await killGroup(child, 1000);
    throw err;
  }
  const port = Number(m[1]);
  const authority = `127.0.0.1:${port}`;
  return {
    url: `http://${authority}/`,
    port,
    process: child,
    remoteUri: (p) => `vscode-remote://${authority}${p.split('/').map(encodeURIComponent).join('/')}`,
    stop: () => killGroup(child, 5000),
  };
}

/** The workbench URL for a folder, optionally with a smoke-test payload. */
export function workbenchUrl(cs: CodeServer, folder: string, payload?: [string, string][]): string {
  let u = `${cs.url}?folder=${encodeURIComponent(folder)}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}
