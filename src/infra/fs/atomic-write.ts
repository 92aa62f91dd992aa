// Writes a file so that a failure leaves the old one intact: write a temp file beside it, flush, then rename
// over the target (atomic on POSIX and on NTFS for the same volume). Keeps the old file's mode.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The file system calls used; tests pass a wrapper that fails on purpose. */
export type AtomicFs = Pick<typeof fs, 'open' | 'rename' | 'rm' | 'stat'>;

export async function writeFileAtomic(target: string, text: string, io: AtomicFs = fs): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await io.stat(target)).mode & 0o777;
  } catch {
    mode = 0o600; // a new .env holds secrets: owner only
  }
  const handle = await io.open(tmp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await io.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await io.rename(tmp, target);
  } catch (err) {
    await io.rm(tmp, { force: true });
    throw err;
  }
}

/** The file's text, or undefined when it does not exist (other errors are thrown). */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
