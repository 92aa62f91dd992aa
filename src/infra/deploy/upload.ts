// PUTs the packed tarball to the source's pre-signed URL with its length (S3 refuses chunked uploads), reporting
// bytes as the socket takes them. Aborting the signal destroys the request: the caller then creates no build.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { PackedSource, SourceUploader } from '../../core/deploy/ports';
import type { PackedFile } from '../pack/tarball';
import { networkMessage, requestFor, safeUrl } from '../http/requests';

type UploadResult = { ok: true } | { ok: false; cancelled: boolean; message: string };

export function uploadFile(putUrl: string, source: PackedSource, onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal): Promise<UploadResult> {
  const file = (source as Partial<PackedFile>).path;
  if (!file) return Promise.resolve({ ok: false, cancelled: false, message: 'nothing to upload (no packed file)' });
  if (signal?.aborted) return Promise.resolve({ ok: false, cancelled: true, message: 'cancelled' });
  let url: URL;
  try {
    url = new URL(putUrl);
  } catch {
    return Promise.resolve({ ok: false, cancelled: false, message: 'Heroku gave an upload URL that is not a URL' });
  }
  return new Promise<UploadResult>((resolve) => {
    let settled = false;
    const finish = (r: UploadResult) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const total = source.bytes;
    let sent = 0;
    let lastReport = -1;
    const req = requestFor(url)(url, {
      method: 'PUT',
      headers: { 'Content-Length': String(total), 'Content-Type': 'application/octet-stream' },
    });
    const body = createReadStream(file, { highWaterMark: 64 * 1024 });
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        sent += chunk.length;
        // At most one report per 1% (and the last), so a big upload does not flood the views.
        const pct = Math.floor((sent / Math.max(1, total)) * 100);
        if (pct !== lastReport || sent === total) {
          lastReport = pct;
          onProgress(sent, total);
        }
        cb(null, chunk);
      },
    });
    const onAbort = () => {
      body.destroy();
      req.destroy();
      finish({ ok: false, cancelled: true, message: 'cancelled' });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => { if (parts.length < 8) parts.push(c); });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return finish({ ok: true });
        const text = Buffer.concat(parts).toString('utf8').replace(/\s+/g, ' ').replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
        finish({ ok: false, cancelled: false, message: `${safeUrl(url)} answered ${status}${text ? `: ${text}` : ''}` });
      });
      res.on('error', (err) => finish({ ok: false, cancelled: !!signal?.aborted, message: networkMessage(err) }));
    });
    req.on('error', (err) => finish({ ok: false, cancelled: !!signal?.aborted, message: networkMessage(err) }));
    body.on('error', (err) => {
      req.destroy();
      finish({ ok: false, cancelled: false, message: `reading the packed file: ${networkMessage(err)}` });
    });
    body.pipe(counter).pipe(req);
  });
}

export const httpUploader: SourceUploader = { upload: uploadFile };
