import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar';
import { describeProblems, planPack } from '../../../../src/core/deploy/pack-plan';
import { packToFile } from '../../../../src/infra/pack/tarball';
import { diskTree } from '../../../../src/infra/pack/tree';
import { outerIgnores } from '../../../../src/infra/git/repo-state';
import { unpackSource } from '../../../support/fake-heroku/build/unpack';

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

/** Where gzip members start: the magic, deflate, no flags, mtime 0 (as zlib writes them), 8 bytes. */
function memberStarts(gz: Buffer): number[] {
  const head = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]);
  const at: number[] = [];
  for (let i = gz.indexOf(head); i >= 0; i = gz.indexOf(head, i + 1)) at.push(i);
  return at;
}

/** Whether a command runs here (GNU tar and gzip are checked when present). */
const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

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

  it('packs more than 1 MB as several gzip members that gunzip, tar xz and the fake Heroku read whole', async function () {
    this.timeout(60_000);
    const contents = new Map<string, string | Buffer>();
    const put = (rel: string, text: string | Buffer) => { write(root, rel, text as string); contents.set(rel, text); };
    for (let d = 0; d < 30; d++) for (let f = 0; f < 100; f++) put(`src/d${d}/f${f}.js`, `module.exports = ${d * 100 + f};\n`.repeat(f % 7));
    const big = Buffer.alloc(2_500_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    put('assets/big.bin', big); // larger than one piece: a member of its own
    put(`deep/${'long-folder-name/'.repeat(8)}file.txt`, 'a long path (pax)');
    put('docs/résumé-日本.md', 'a non-ASCII name (pax)');
    put('bin/start', '#!/bin/sh\necho hi\n');
    chmodSync(path.join(root, 'bin/start'), 0o755);
    const plan = await planPack(diskTree(root));
    assert.equal(plan.entries.length, contents.size);
    const packed = await packToFile(root, plan.entries);
    assert.ok(packed.ok);
    try {
      const gz = readFileSync(packed.value.path);
      assert.equal(packed.value.bytes, gz.length);
      const starts = memberStarts(gz);
      assert.equal(starts[0], 0);
      assert.ok(starts.length >= 3, `${starts.length} gzip members`);
      // The fake Heroku's builder (zlib's gunzip and the tar package's parser): every file, byte for byte.
      const unpacked = unpackSource(gz);
      assert.ok(unpacked.ok);
      assert.deepEqual([...unpacked.files.keys()].sort(), [...contents.keys()].sort());
      for (const [rel, text] of contents) assert.ok(unpacked.files.get(rel)!.equals(Buffer.from(text)), rel);
      if (has('gzip')) assert.equal(spawnSync('gzip', ['-t', packed.value.path]).status, 0);
      if (has('tar')) {
        // As Heroku's builders unpack a source: `tar xz`.
        const out = mkdtempSync(path.join(tmpdir(), 'hw-unpack-'));
        try {
          execFileSync('tar', ['xzf', packed.value.path, '-C', out]);
          for (const [rel, text] of contents) assert.ok(readFileSync(path.join(out, rel)).equals(Buffer.from(text)), rel);
          assert.equal(statSync(path.join(out, 'bin/start')).mode & 0o777, 0o755);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      }
    } finally {
      await packed.value.dispose();
    }
  });

  it('packs a file as it is when read: grown or shrunk since the plan, the header says the size read', async () => {
    write(root, 'grows.txt', 'small');
    write(root, 'shrinks.txt', 'x'.repeat(5000));
    write(root, 'same.txt', 'same');
    const plan = await planPack(diskTree(root));
    write(root, 'grows.txt', 'y'.repeat(3000));
    write(root, 'shrinks.txt', 'short');
    const packed = await packToFile(root, plan.entries);
    assert.ok(packed.ok);
    try {
      const sizes = new Map<string, number>();
      await tar.list({ file: packed.value.path, onReadEntry: (e) => { sizes.set(e.path, e.size); } });
      assert.deepEqual(Object.fromEntries(sizes), { 'grows.txt': 3000, 'same.txt': 4, 'shrinks.txt': 5 });
      const unpacked = unpackSource(readFileSync(packed.value.path));
      assert.ok(unpacked.ok);
      assert.equal(unpacked.files.get('grows.txt')!.toString(), 'y'.repeat(3000));
      assert.equal(unpacked.files.get('shrinks.txt')!.toString(), 'short');
    } finally {
      await packed.value.dispose();
    }
  });

  it('stops when cancelled and says so', async () => {
    write(root, 'a.txt');
    const controller = new AbortController();
    controller.abort();
    const packed = await packToFile(root, ['a.txt'], controller.signal);
    assert.deepEqual(packed, { ok: false, message: 'Packing was cancelled.' });
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
