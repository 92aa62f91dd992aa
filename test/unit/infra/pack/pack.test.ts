import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar';
import { describeProblems, planPack } from '../../../../src/core/deploy/pack-plan';
import { packToFile } from '../../../../src/infra/pack/tarball';
import { diskTree } from '../../../../src/infra/pack/tree';
import { outerIgnores } from '../../../../src/infra/git/repo-state';

function write(root: string, rel: string, text = rel): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** What `git ls-files --others --cached --exclude-standard` (git's own answer) lists under `dir`. */
function gitListing(dir: string): string[] {
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: dir, encoding: 'utf8' });
  return out.split('\0').filter(Boolean).sort();
}

async function tarNames(file: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await tar.list({ file, onReadEntry: (e) => { names.set(e.path, e.type); } });
  return names;
}

describe('pack: plan and tarball', () => {
  let root: string;
  beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'hw-pack-')); });
  afterEach(() => {
    try { chmodSync(path.join(root, 'secret'), 0o755); } catch { /* absent */ }
    rmSync(root, { recursive: true, force: true });
  });

  it('honours .gitignore files at every level exactly as git does', async () => {
    write(root, '.gitignore', 'node_modules/\n*.log\n/build\n!keep.log\ntmp*\n');
    write(root, 'Procfile', 'web: node index.js\n');
    write(root, 'index.js');
    write(root, 'debug.log');
    write(root, 'keep.log');
    write(root, 'node_modules/a/index.js');
    write(root, 'build/out.js');
    write(root, 'src/build/kept.js'); // `/build` is anchored to the root
    write(root, 'src/.gitignore', '*.gen.ts\n!important.log\n');
    write(root, 'src/a.gen.ts');
    write(root, 'src/a.ts');
    write(root, 'src/important.log'); // re-included by the deeper file
    write(root, 'src/deep/x.gen.ts');
    write(root, 'tmpfile');
    write(root, 'docs/tmp/x.md');
    const plan = await planPack(diskTree(root));
    assert.deepEqual(plan.problems, []);
    const expected = gitListing(root).filter((f) => !f.startsWith('.git/'));
    assert.deepEqual(plan.entries, expected);
    assert.ok(plan.entries.includes('src/important.log') && !plan.entries.includes('debug.log'));
  });

  it('never packs .git or .env, whatever .gitignore says', async () => {
    write(root, '.gitignore', '!.env\n!.git\n');
    write(root, '.env', 'SECRET=1');
    write(root, 'api/.env', 'SECRET=2');
    write(root, '.git/config', '[core]');
    write(root, 'vendor/lib/.git', 'gitdir: ../../.git/modules/lib'); // a submodule's .git file
    write(root, '.env.example', 'SECRET=');
    write(root, 'app.py');
    const plan = await planPack(diskTree(root));
    assert.deepEqual(plan.entries, ['.env.example', '.gitignore', 'app.py']);
    assert.deepEqual(plan.neverPacked, ['.env', '.git', 'api/.env', 'vendor/lib/.git']);
    const packed = await packToFile(root, plan.entries);
    assert.ok(packed.ok);
    try {
      const names = await tarNames(packed.value.path);
      assert.deepEqual([...names.keys()].sort(), ['.env.example', '.gitignore', 'app.py']);
      assert.match(packed.value.checksum, /^SHA256:[0-9a-f]{64}$/);
    } finally {
      await packed.value.dispose();
    }
  });

  it('keeps symlinks as symlinks (never followed, even to a folder or outside the tree)', async () => {
    write(root, 'real/file.txt', 'hello');
    symlinkSync('real', path.join(root, 'link-to-dir'));
    symlinkSync('real/file.txt', path.join(root, 'link-to-file'));
    symlinkSync('/etc/hostname', path.join(root, 'outside'));
    symlinkSync('missing', path.join(root, 'dangling'));
    const plan = await planPack(diskTree(root));
    assert.deepEqual(plan.entries, ['dangling', 'link-to-dir', 'link-to-file', 'outside', 'real/file.txt']);
    assert.equal(plan.symlinks, 4);
    const packed = await packToFile(root, plan.entries);
    assert.ok(packed.ok);
    try {
      const names = await tarNames(packed.value.path);
      assert.equal(names.get('link-to-dir'), 'SymbolicLink');
      assert.equal(names.get('outside'), 'SymbolicLink');
      assert.equal(names.get('real/file.txt'), 'File');
      assert.equal([...names.keys()].some((n) => n.startsWith('link-to-dir/')), false);
    } finally {
      await packed.value.dispose();
    }
  });

  it('applies the repository .gitignore above a monorepo sub-folder', async () => {
    write(root, '.gitignore', '*.secret\napps/web/dist/\n');
    write(root, 'apps/web/index.js');
    write(root, 'apps/web/x.secret');
    write(root, 'apps/web/dist/bundle.js');
    execFileSync('git', ['init', '-q'], { cwd: root });
    const folder = path.join(root, 'apps', 'web');
    const plan = await planPack(diskTree(folder), { outer: await outerIgnores(folder) });
    assert.deepEqual(plan.entries, ['index.js']);
  });

  it('packs a 10,000-file tree (ignored folders skipped) and the tarball has every entry', async function () {
    this.timeout(60_000);
    write(root, '.gitignore', 'node_modules/\n');
    for (let d = 0; d < 100; d++) {
      mkdirSync(path.join(root, 'src', `d${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(path.join(root, 'src', `d${d}`, `f${f}.js`), `module.exports = ${d * 100 + f};\n`);
    }
    write(root, 'node_modules/big/index.js');
    const plan = await planPack(diskTree(root));
    assert.equal(plan.entries.length, 10_001);
    assert.equal(plan.ignoredCount, 1);
    const packed = await packToFile(root, plan.entries);
    assert.ok(packed.ok);
    try {
      const names = await tarNames(packed.value.path);
      assert.equal(names.size, 10_001);
      assert.ok(names.has('src/d99/f99.js'));
    } finally {
      await packed.value.dispose();
    }
  });

  it('names every entry it cannot read, with the reason, and packs nothing', async () => {
    write(root, 'ok.txt');
    write(root, 'secret/key.pem', 'k');
    write(root, 'locked.txt', 'x');
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    chmodSync(path.join(root, 'locked.txt'), 0o000);
    chmodSync(path.join(root, 'secret'), 0o000);
    type Found = { plan: { path: string; reason: string }[]; pack: { path: string; reason: string }[]; message: string };
    let found: Found;
    if (process.getuid?.() === 0) {
      // root reads everything: ask an unprivileged user (nobody) to plan and pack the same tree.
      chownSync(root, 65534, 65534);
      const tsx = require.resolve('tsx/cli');
      const child = spawnSync(process.execPath, [tsx, path.join(__dirname, 'unreadable-child.ts'), root],
        { uid: 65534, gid: 65534, encoding: 'utf8', cwd: path.resolve(__dirname, '../../../..'), env: { ...process.env, HOME: tmpdir() } });
      assert.equal(child.status, 0, child.stderr);
      found = JSON.parse(child.stdout) as Found;
    } else {
      const plan = await planPack(diskTree(root));
      const packed = await packToFile(root, plan.entries);
      found = { plan: plan.problems, pack: packed.ok ? [] : packed.problems ?? [], message: packed.ok ? '' : packed.message };
    }
    // The planner names what it cannot list or what is no file; the packer, reading every file, the rest.
    assert.deepEqual(found.plan, [
      { path: 'pipe', reason: 'not a regular file, folder or symlink (a socket, pipe or device)' },
      { path: 'secret', reason: 'permission denied' },
    ]);
    assert.deepEqual(found.pack, [{ path: 'locked.txt', reason: 'permission denied' }]);
    assert.match(found.message, /^Cannot pack this entry: locked\.txt \(permission denied\)\. Make them readable/);
    assert.match(describeProblems(found.plan), /^Cannot pack 2 entries: pipe \(.*\), secret \(permission denied\)\./);
  });
});
