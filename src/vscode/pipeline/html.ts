// The webview panels' options and page (the HTML itself: page-html.ts). The bundle and stylesheet are read from
// media/ once per extension host and put into the page.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

const texts = new Map<string, string | undefined>();

function readMedia(extensionUri: vscode.Uri, file: string, kind: 'script' | 'style'): string | undefined {
  const uri = vscode.Uri.joinPath(extensionUri, 'media', file);
  const key = uri.toString();
  if (!texts.has(key)) {
    let text: string | undefined;
    try {
      text = readFileSync(uri.fsPath, 'utf8');
    } catch {
      text = undefined; // linked instead: the webview says what is missing
    }
    texts.set(key, inlinable(text, kind));
  }
  return texts.get(key);
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, mode: ViewMode, title: string): string {
  const asset = (file: string, kind: 'script' | 'style') => ({
    text: readMedia(extensionUri, file, kind),
    uri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString(),
  });
  return pageHtml({ nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource, mode, title,
    script: asset('pipeline.js', 'script'), style: asset('pipeline.css', 'style') });
}
