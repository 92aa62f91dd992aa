import * as assert from 'node:assert/strict';
import { promises as fs, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../../../../src/infra/fs/atomic-write';

describe('infra/fs/atomic-write', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'hw-atomic-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file, keeps its mode and leaves no temp file', async () => {
    const f = path.join(dir, '.env');
    writeFileSync(f, 'OLD=1\n', { mode: 0o640 });
    await writeFileAtomic(f, 'NEW=2\n');
    assert.equal(readFileSync(f, 'utf8'), 'NEW=2\n');
    assert.equal(statSync(f).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['.env']);
  });

  it('creates a new file readable by the owner only', async () => {
    const f = path.join(dir, '.env');
    await writeFileAtomic(f, 'A=1\n');
    assert.equal(statSync(f).mode & 0o777, 0o600);
  });

  it('a failed write or rename leaves the old file intact and no temp file', async () => {
    const f = path.join(dir, '.env');
    writeFileSync(f, 'KEEP=me\n');
    const failingRename = { ...fs, rename: () => Promise.reject(new Error('EIO: rename failed')) };
    await assert.rejects(writeFileAtomic(f, 'LOST=1\n', failingRename), /EIO/);
    assert.equal(readFileSync(f, 'utf8'), 'KEEP=me\n');
    assert.deepEqual(readdirSync(dir), ['.env']);
    const failingWrite = { ...fs, open: async (p: string, flags: string, mode?: number) => {
      const h = await fs.open(p, flags, mode);
      return Object.assign(Object.create(h) as typeof h, { writeFile: () => Promise.reject(new Error('ENOSPC: no space')) });
    } };
    await assert.rejects(writeFileAtomic(f, 'LOST=1\n', failingWrite as never), /ENOSPC/);
    assert.equal(readFileSync(f, 'utf8'), 'KEEP=me\n');
    assert.deepEqual(readdirSync(dir), ['.env']);
  });

  it('a target that is a folder fails without leaving a temp file', async () => {
    const f = path.join(dir, 'sub');
    mkdirSync(f);
    await assert.rejects(writeFileAtomic(f, 'x'));
    assert.deepEqual(readdirSync(dir), ['sub']);
  });

  it('reads text or undefined for a missing file', async () => {
    assert.equal(await readTextIfExists(path.join(dir, 'nope')), undefined);
    writeFileSync(path.join(dir, 'a'), 'x');
    assert.equal(await readTextIfExists(path.join(dir, 'a')), 'x');
  });
});
