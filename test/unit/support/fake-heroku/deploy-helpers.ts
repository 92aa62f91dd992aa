import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tar from 'tar';
import { call, type FakeEndpoint } from './client';

/** A gzipped tarball of `files` (path → content), as `heroku builds:create` uploads. */
export function tarball(files: Record<string, string>, root = '.'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'fake-src-'));
  try {
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, root, p)), { recursive: true });
      writeFileSync(join(dir, root, p), content);
    }
    const out = join(dir, '..', `${dir.split('/').pop()}.tgz`);
    tar.c({ gzip: true, cwd: dir, file: out, sync: true, portable: true }, [root]);
    const data = readFileSync(out);
    rmSync(out);
    return data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Uploads a source blob (POST /apps/{app}/sources, then PUT to its put_url); returns its get_url. */
export async function upload(fake: FakeEndpoint, app: string, data: Buffer): Promise<string> {
  const src = await call(fake, 'POST', `/apps/${app}/sources`);
  assert.equal(src.status, 201);
  const blob = (src.body as { source_blob: { get_url: string; put_url: string } }).source_blob;
  const put = await fetch(blob.put_url, { method: 'PUT', body: data });
  assert.equal(put.status, 200);
  return blob.get_url;
}

export interface BuildBody {
  id: string;
  status: string;
  output_stream_url: string;
  release: { id: string } | null;
  slug: { id: string } | null;
  source_blob: { version: string | null };
}

/** Uploads `files` and starts a build of them. */
export async function deploy(fake: FakeEndpoint, app: string, files: Record<string, string>, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<BuildBody> {
  const url = await upload(fake, app, tarball(files));
  const r = await call(fake, 'POST', `/apps/${app}/builds`, { body: { source_blob: { url, version: 'c0ffee1234567890abcdef1234567890abcdef12', version_description: 'Add invoice export', ...extra } }, headers });
  assert.equal(r.status, 201, r.text);
  return r.body as BuildBody;
}

/** Reads a streamed text answer chunk by chunk: `until(re)` waits for text matching re, `rest()` reads to the end. */
export async function openStream(url: string): Promise<{ status: number; text(): string; until(re: RegExp): Promise<string>; rest(): Promise<string> }> {
  const res = await fetch(url);
  let text = '';
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  const next = async (): Promise<boolean> => {
    const r = reader ? await reader.read() : { done: true, value: undefined };
    if (r.value) text += decoder.decode(r.value, { stream: true });
    return !r.done;
  };
  return {
    status: res.status,
    text: () => text,
    until: async (re) => {
      while (!re.test(text)) if (!(await next())) assert.fail(`the stream ended before ${re}: ${text}`);
      return text;
    },
    rest: async () => {
      while (await next()) { /* read on */ }
      return text;
    },
  };
}
