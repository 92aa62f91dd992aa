// The webview's page: a strict Content-Security-Policy (nothing by default; the bundle and the stylesheet from
// media/ only, the script by nonce), no inline script or handler, no remote content.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ViewMode } from '../../shared/pipeline-protocol';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    retainContextWhenHidden: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, mode: ViewMode, title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'pipeline.js')).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'pipeline.css')).toString();
  const csp = [
    "default-src 'none'", `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`, "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(style)}">
<title>${escapeAttr(title)}</title>
</head>
<body data-mode="${mode}">
<div id="status" role="status" aria-live="polite"></div>
<main id="root" aria-busy="true"></main>
<script nonce="${nonce}" src="${escapeAttr(script)}"></script>
</body>
</html>`;
}
