// Packs the planned entries into a gzipped tarball in a temporary file (S3's pre-signed PUT needs the length up
// front), hashing it on the way for source_blob.checksum. `tar` streams each file; symlinks stay symlinks.
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import type { PackedSource, SourcePacker } from '../../core/deploy/ports';
import { reason } from './tree';

export interface PackedFile extends PackedSource {
  path: string;
}

/** Writes `<tmp>/heroku-deploy-*.tgz` of `entries` (relative to `folder`); the caller disposes it. */
export async function packToFile(folder: string, entries: readonly string[], signal?: AbortSignal):
  Promise<{ ok: true; value: PackedFile } | { ok: false; message: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heroku-deploy-'));
  const file = path.join(dir, 'source.tgz');
  const dispose = () => fs.rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  let failedOn: string | undefined;
  try {
    // portable: no user/group names or atimes in headers (the build does not need them, and they vary by machine).
    const stream = tar.create({
      cwd: folder, gzip: { level: 6 }, portable: true, follow: false, noDirRecurse: true, strict: true,
      onWriteEntry: (e) => { failedOn = e.path; },
    }, [...entries]);
    await pipeline(stream as unknown as NodeJS.ReadableStream, count, createWriteStream(file), { signal });
    return { ok: true, value: { path: file, bytes, checksum: `SHA256:${hash.digest('hex')}`, dispose } };
  } catch (err) {
    await dispose();
    if (signal?.aborted) return { ok: false, message: 'Packing was cancelled.' };
    const which = failedOn ? ` (at ${failedOn})` : '';
    return { ok: false, message: `Could not pack the folder${which}: ${reason(err)}.` };
  }
}

export const diskPacker: SourcePacker = {
  pack: (folder, entries, signal) => packToFile(folder, entries, signal),
};
