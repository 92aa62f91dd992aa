// The webview page's HTML, pure (no vscode): a strict Content-Security-Policy (nothing by default; script and
// style only by nonce, images and fonts from the extension's media only), no inline handler, no remote content.
//
// The built bundle (media/pipeline.js) and its stylesheet are put into the page, each in one element that carries
// the nonce, instead of being linked: in code-server a linked asset is fetched through the webview's service worker,
// the workbench and the remote file system, round trips before the page can say it is ready
// (bench/pipeline.bench.ts). An asset that could end its element early (`</script`, `</style`, `<!--`) is linked
// as before instead: never cut into.
import type { ViewMode } from '../../shared/pipeline-protocol';

export interface PageAsset {
  /** The file's text when it can sit in the page (see inlinable), else undefined. */
  text: string | undefined;
  /** Its webview URI, for a link. */
  uri: string;
}

export interface PageOptions {
  nonce: string;
  /** webview.cspSource */
  cspSource: string;
  mode: ViewMode;
  title: string;
  script: PageAsset;
  style: PageAsset;
}

const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `text` made ready to sit inside a <script> (kind 'script') or <style> element, or undefined when it cannot. */
export function inlinable(text: string | undefined, kind: 'script' | 'style'): string | undefined {
  if (text === undefined) return undefined;
  const closer = kind === 'script' ? /<\/script/i : /<\/style/i;
  if (closer.test(text) || text.includes('<!--')) return undefined;
  // A source map comment would resolve against the page's address, where no map is: dropped.
  return text.replace(/\n(?:\/\/# sourceMappingURL=\S+|\/\*# sourceMappingURL=\S+ \*\/)\s*$/, '\n');
}

export function pageHtml(o: PageOptions): string {
  const n = escapeAttr(o.nonce);
  const csp = [
    "default-src 'none'", `style-src ${o.cspSource} 'nonce-${o.nonce}'`, `script-src 'nonce-${o.nonce}'`, `img-src ${o.cspSource}`,
    `font-src ${o.cspSource}`, "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
  ].join('; ');
  const style = o.style.text !== undefined ? `<style nonce="${n}">\n${o.style.text}</style>` : `<link rel="stylesheet" href="${escapeAttr(o.style.uri)}">`;
  const script = o.script.text !== undefined
    ? `<script nonce="${n}" data-bundle="pipeline">\n${o.script.text}</script>`
    : `<script nonce="${n}" data-bundle="pipeline" src="${escapeAttr(o.script.uri)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style}
<title>${escapeAttr(o.title)}</title>
</head>
<body data-mode="${escapeAttr(o.mode)}">
<div id="status" role="status" aria-live="polite"></div>
<main id="root" aria-busy="true"></main>
${script}
</body>
</html>`;
}
