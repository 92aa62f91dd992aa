// Opens an output stream Heroku hands out (build, release phase, Heroku CI; plain text, chunked) as StreamChunks: the text as it arrives, then how
// it ended, `complete` when the server finished the response and `dropped` when the connection broke first.
// `skipBytes` drops what a previous connection already delivered (the server replays the stream from its start).
import type { IncomingMessage } from 'node:http';
import type { StreamChunk, TextStreams } from '../../core/heroku/ports';
import { networkMessage, requestFor, safeUrl } from './requests';

type Opened = { ok: true; chunks: AsyncIterable<StreamChunk> } | { ok: false; status: number; message: string };

export function openTextStream(rawUrl: string, o: { signal?: AbortSignal; skipBytes?: number } = {}): Promise<Opened> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.resolve({ ok: false, status: 0, message: 'not a URL' });
  }
  return new Promise<Opened>((resolve) => {
    const req = requestFor(url)(url, { method: 'GET', headers: { Accept: 'text/plain' }, signal: o.signal });
    req.on('error', (err) => resolve({ ok: false, status: 0, message: o.signal?.aborted ? 'cancelled' : networkMessage(err) }));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        res.resume();
        resolve({ ok: false, status, message: `${safeUrl(url)} answered ${status}` });
        return;
      }
      resolve({ ok: true, chunks: chunksOf(res, o.skipBytes ?? 0) });
    });
    req.end();
  });
}

async function* chunksOf(res: IncomingMessage, skip: number): AsyncGenerator<StreamChunk> {
  const decoder = new TextDecoder('utf-8');
  let toSkip = skip;
  try {
    for await (const raw of res as AsyncIterable<Buffer>) {
      let buf = raw;
      if (toSkip > 0) {
        const n = Math.min(toSkip, buf.length);
        toSkip -= n;
        buf = buf.subarray(n);
        if (buf.length === 0) continue;
      }
      yield { text: decoder.decode(buf, { stream: true }), bytes: buf.length };
    }
  } catch (err) {
    yield { end: 'dropped', message: networkMessage(err) };
    return;
  }
  const rest = decoder.decode();
  if (rest) yield { text: rest, bytes: 0 };
  yield res.complete ? { end: 'complete' } : { end: 'dropped', message: 'connection closed before the end' };
}

export const httpTextStreams: TextStreams = { open: openTextStream };
