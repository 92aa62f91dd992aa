// The webview panels' options and page (the HTML itself: page-html.ts). The bundle and stylesheet are read from
// media/ (again only when they changed) and put into the page.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ViewMode } from '../../shared/pipeline-protocol';
import { inlinable, pageHtml } from './page-html';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    retainContextWhenHidden: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** By file: its modification time and the text to put in the page (a rebuild, e.g. `npm run watch`, is read again). */
const texts = new Map<string, { mtimeMs: number; text: string | undefined }>();

function readMedia(extensionUri: vscode.Uri, file: string, kind: 'script' | 'style'): string | undefined {
  const path = vscode.Uri.joinPath(extensionUri, 'media', file).fsPath;
  try {
    const { mtimeMs } = statSync(path);
    const known = texts.get(path);
    if (known?.mtimeMs === mtimeMs) return known.text;
    const text = inlinable(readFileSync(path, 'utf8'), kind);
    texts.set(path, { mtimeMs, text });
    return text;
  } catch {
    return undefined; // linked instead: the webview says what is missing
  }
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, mode: ViewMode, title: string): string {
  const asset = (file: string, kind: 'script' | 'style') => ({
    text: readMedia(extensionUri, file, kind),
    uri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString(),
  });
  return pageHtml({ nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource, mode, title,
    script: asset('pipeline.js', 'script'), style: asset('pipeline.css', 'style') });
}
