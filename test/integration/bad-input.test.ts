// Bad input in the editor: a binary Procfile gets one diagnostic, control characters from the file are escaped in
// messages, and a flood is cut at 200 diagnostics plus one that counts the rest (src/vscode/diagnostics/bridge.ts).
import * as assert from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import { waitFor, waitUntil } from '../support/wait';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('diagnostics: bad input', function () {
  this.timeout(60_000);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const dir = join(folder, 'bad-input');
  // The binary Procfile goes into a folder the workspace had when the window opened: code-server's watcher often
  // misses a file written into a folder created moments before (seen here: never, in 60 s, for a new nested folder).
  const existing = join(folder, 'scripts');

  before(async () => {
    await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate();
    mkdirSync(dir, { recursive: true });
    await watcherLive(existing);
  });

  /**
   * Waits until VS Code's workspace file watcher reports a change made from outside (a probe file rewritten until
   * it is seen): in a fresh host it goes live some seconds after the window opens, and the binary Procfile below
   * is only ever seen through it (nothing opens it).
   */
  async function watcherLive(where: string): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher('**/hw-watcher-probe');
    let seen = false;
    const subs = [watcher.onDidCreate(() => { seen = true; }), watcher.onDidChange(() => { seen = true; })];
    let n = 0;
    try {
      await waitUntil('the file watcher to report a file written from outside', () => {
        if (!seen) writeFileSync(join(where, 'hw-watcher-probe'), String(++n));
        return seen;
      }, { ms: 45_000, everyMs: 500 });
    } finally {
      for (const d of subs) d.dispose();
      watcher.dispose();
      rmSync(join(where, 'hw-watcher-probe'), { force: true });
    }
  }
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    rmSync(join(existing, 'Procfile'), { force: true });
  });

  it('a binary Procfile on disk gets one diagnostic: not UTF-8, with the byte offset', async () => {
    const uri = vscode.Uri.file(join(existing, 'Procfile'));
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    bytes[3] = 0xff;
    writeFileSync(uri.fsPath, bytes);
    const ds = await waitFor('the encoding diagnostic', () => {
      const got = vscode.languages.getDiagnostics(uri);
      return got.length ? got : undefined;
    });
    assert.deepStrictEqual(ds.map(codeOf), ['procfile/encoding']);
    assert.match(ds[0].message, /^This file is not UTF-8 text: .*byte offset \d+/);
  });

  /** A saved Procfile in its own folder, opened (files, not untitled documents: closing those would ask to save). */
  async function openProcfile(sub: string, content: string): Promise<vscode.TextDocument> {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'Procfile'), content);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, sub, 'Procfile')));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  it('escapes control characters from the file in messages', async () => {
    const doc = await openProcfile('control', 'we\x1b]0;pwned\x07b: node x\n');
    const ds = await waitFor('the invalid-process-type diagnostic', () => {
      const got = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === 'procfile/invalid-process-type');
      return got.length ? got : undefined;
    });
    assert.match(ds[0].message, /`we\\u001b\]0;pwned\\u0007b`/);
    for (const d of vscode.languages.getDiagnostics(doc.uri)) assert.doesNotMatch(d.message, CONTROL, d.message);
  });

  it('shows at most 200 diagnostics per file, then one that counts the rest', async () => {
    const doc = await openProcfile('flood', 'not a declaration\n'.repeat(300));
    const ds = await waitFor('the capped diagnostics', () => {
      const got = vscode.languages.getDiagnostics(doc.uri);
      return got.length ? got : undefined;
    });
    assert.strictEqual(ds.length, 201);
    const last = ds.find((d) => codeOf(d) === 'procfile/too-many-problems');
    assert.ok(last, 'one diagnostic counts the rest');
    assert.match(last.message, /^100 more problems not shown/);
  });
});
