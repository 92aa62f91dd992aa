// A real VS Code workbench for people and e2e tests: the fake Heroku, a workspace, and code-server
// WITHOUT the smoke-test driver (so notifications show), the extension installed by a symlink.
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCodeServer, workbenchUrl, type CodeServer } from './code-server';
import { listApps, startFake, type FakeHeroku } from './fake';
import { ensureHost, repoRoot } from './host';
import { makeTempRoot, makeWorkspace, pickApp } from './workspace';

export interface WorkbenchServerOptions {
  /** A folder to open as is (absolute or relative to the repo); default: a fresh copy of the demo workspace. */
  workspace?: string;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string | undefined>;
  /** Give the extension host HEROKU_API_KEY = the fake's key (default true). */
  signedIn?: boolean;
  /** The fake's seed (default "demo"). */
  seed?: string;
  /** User settings. */
  settings?: Record<string, unknown>;
  /** code-server's port (default: any free port). */
  port?: number;
  log?: (s: string) => void;
  onServerOutput?: (chunk: string) => void;
}

export interface WorkbenchServer {
  /** The URL that opens the workbench on the workspace. */
  url: string;
  workspace: string;
  app: string | undefined;
  fake: { url: string; key: string } | undefined;
  codeServer: CodeServer;
  tmp: string;
  close(): Promise<void>;
}

/** Installs the extension into `extensionsDir` as a symlink named <publisher>.<name>-<version>. */
export function linkExtension(extensionsDir: string, extensionPath = repoRoot): string {
  const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')) as
    { publisher: string; name: string; version: string };
  mkdirSync(extensionsDir, { recursive: true });
  const link = join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  symlinkSync(extensionPath, link, 'dir');
  return link;
}

export async function startWorkbenchServer(o: WorkbenchServerOptions = {}): Promise<WorkbenchServer> {
  const log = o.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const host = ensureHost(log);
  const tmp = makeTempRoot('workbench');
  let fake: FakeHeroku | undefined;
  let cs: CodeServer | undefined;
  const close = async (): Promise<void> => {
    await cs?.stop();
    await fake?.close();
    tmp.remove();
  };
  try {
    fake = await startFake({ seed: o.seed ?? 'demo', log });
    const app = fake ? pickApp(await listApps(fake)) : undefined;
    const workspace = o.workspace ? resolve(repoRoot, o.workspace) : makeWorkspace(tmp.dir, app);
    const extensionsDir = join(tmp.dir, 'extensions');
    linkExtension(extensionsDir);
    const env: Record<string, string | undefined> = { HW_TEST_WORKSPACE: workspace, HW_TEST_APP: app };
    if (fake) {
      Object.assign(env, { HEROKU_API_URL: fake.url, HW_FAKE_HEROKU_URL: fake.url, HW_FAKE_HEROKU_KEY: fake.apiKey });
      if (o.signedIn ?? true) env.HEROKU_API_KEY = fake.apiKey;
    }
    Object.assign(env, o.env);
    cs = await startCodeServer({ host, tmp: tmp.dir, extensionsDir, env, settings: o.settings, port: o.port,
      onOutput: o.onServerOutput });
    return {
      url: workbenchUrl(cs, workspace),
      workspace, app,
      fake: fake ? { url: fake.url, key: fake.apiKey } : undefined,
      codeServer: cs,
      tmp: tmp.dir,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
