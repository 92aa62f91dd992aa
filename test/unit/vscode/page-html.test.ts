// The pipeline webview's page: the CSP allows script and style by nonce only; the bundle and stylesheet sit in
// the page unless their text could close their element, then they are linked; every attribute is escaped.
import * as assert from 'node:assert';
import { inlinable, pageHtml, type PageOptions } from '../../../src/vscode/pipeline/page-html';

const base = (over: Partial<PageOptions> = {}): PageOptions => ({
  nonce: 'abc123', cspSource: 'https://res.example', mode: 'pipeline', title: 'Pipeline x',
  script: { text: 'console.log(1);\n', uri: 'https://res.example/media/pipeline.js' },
  style: { text: 'body{color:red}\n', uri: 'https://res.example/media/pipeline.css' }, ...over,
});
const csp = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'") ?? '';

describe('pipeline webview page', () => {
  it('puts the bundle and the stylesheet in the page with the nonce, under a nonce-only CSP', () => {
    const html = pageHtml(base());
    assert.match(html, /<script nonce="abc123" data-bundle="pipeline">\nconsole\.log\(1\);\n<\/script>/);
    assert.match(html, /<style nonce="abc123">\nbody\{color:red\}\n<\/style>/);
    const policy = csp(html);
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-abc123'(;|$)/);
    assert.match(policy, /style-src https:\/\/res\.example 'nonce-abc123'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(html, /\son\w+=/i, 'no inline handler');
  });

  it('links an asset it cannot put in the page', () => {
    const html = pageHtml(base({ script: { text: undefined, uri: 'https://res.example/media/pipeline.js' }, style: { text: undefined, uri: 'https://res.example/m/p.css?a=1&b="2"' } }));
    assert.match(html, /<script nonce="abc123" data-bundle="pipeline" src="https:\/\/res\.example\/media\/pipeline\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/res\.example\/m\/p\.css\?a=1&#38;b=&#34;2&#34;">/);
  });

  it('inlinable: refuses text that could close its element, drops a trailing source map comment', () => {
    assert.strictEqual(inlinable('var s = "</script>";', 'script'), undefined);
    assert.strictEqual(inlinable('var s = "</SCRIPT ";', 'script'), undefined);
    assert.strictEqual(inlinable('a{} </style>', 'style'), undefined);
    assert.strictEqual(inlinable('x = "<!--";', 'script'), undefined);
    assert.strictEqual(inlinable(undefined, 'script'), undefined);
    assert.strictEqual(inlinable('a();\n//# sourceMappingURL=pipeline.js.map\n', 'script'), 'a();\n');
    assert.strictEqual(inlinable('a{}\n/*# sourceMappingURL=p.css.map */', 'style'), 'a{}\n');
    // A </style> is harmless inside a script element and the other way round.
    assert.strictEqual(inlinable('s = "</style>";', 'script'), 's = "</style>";');
  });

  it('escapes the title and the nonce', () => {
    const html = pageHtml(base({ title: 'Pipeline <img src=x onerror=alert(1)>"', nonce: 'a"b' }));
    assert.match(html, /<title>Pipeline &#60;img src=x onerror=alert\(1\)&#62;&#34;<\/title>/);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /nonce="a&#34;b"/);
  });
});
