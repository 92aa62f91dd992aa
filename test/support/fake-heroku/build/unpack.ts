import { gunzipSync } from 'node:zlib';
import { Parser } from 'tar';

/** The files of a source tarball, paths relative to the app's root (`Procfile`, `src/index.js`). */
export type SourceFiles = Map<string, Buffer>;

const MAX_UNPACKED = 200 * 1024 * 1024;

/**
 * Unpacks a gzipped tarball in memory. A single top-level folder (GitHub's `repo-sha/` archives) is the app's root,
 * as on Heroku. Returns an error message instead of throwing for data that is not a gzipped tarball.
 */
export function unpackSource(gz: Buffer): { ok: true; files: SourceFiles } | { ok: false; error: string } {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz, { maxOutputLength: MAX_UNPACKED });
  } catch {
    return { ok: false, error: 'the source is not a gzipped tarball' };
  }
  const files: SourceFiles = new Map();
  let failed: string | undefined;
  // The parser works synchronously on a buffer: entries and their bytes arrive within end().
  const parser = new Parser({
    strict: true,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => files.set(normalise(entry.path), Buffer.concat(chunks)));
    },
  });
  parser.on('error', (e: Error) => { failed = e.message; });
  parser.on('warn', (_code: string, message: string) => { failed ??= message; });
  try {
    parser.end(raw);
  } catch (e) {
    failed = (e as Error).message;
  }
  if (failed !== undefined && files.size === 0) return { ok: false, error: `the source tarball could not be read (${failed})` };
  return { ok: true, files: stripSingleRoot(files) };
}

function normalise(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

function stripSingleRoot(files: SourceFiles): SourceFiles {
  const tops = new Set([...files.keys()].map((p) => (p.includes('/') ? p.split('/')[0] : '')));
  if (tops.size !== 1 || tops.has('')) return files;
  const [top] = tops;
  return new Map([...files].map(([p, b]) => [p.slice(top.length + 1), b]));
}
