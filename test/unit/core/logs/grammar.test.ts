// The heroku-log grammar (syntaxes/heroku-log.tmLanguage.json), tokenized with VS Code's own TextMate engine
// (vscode-textmate + Oniguruma), so a broken pattern or a wrong scope fails here rather than silently in the editor.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { droppedText, reconnectedText } from '../../../../src/core/logs/markers';

const root = join(__dirname, '..', '..', '..', '..');
let grammar: textmate.IGrammar;

/** [text, scopes] per token of one line. */
function tokens(line: string): [string, string][] {
  const r = grammar.tokenizeLine(line, textmate.INITIAL);
  return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')]);
}

function scopeOf(line: string, text: string): string {
  const hit = tokens(line).find(([t]) => t === text);
  assert.ok(hit, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens(line))}`);
  return hit[1];
}

describe('syntaxes/heroku-log.tmLanguage.json', () => {
  before(async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => (scope === 'text.heroku-log'
        ? textmate.parseRawGrammar(readFileSync(join(root, 'syntaxes', 'heroku-log.tmLanguage.json'), 'utf8'), 'heroku-log.tmLanguage.json')
        : null),
    });
    const g = await registry.loadGrammar('text.heroku-log');
    assert.ok(g);
    grammar = g;
  });

  it('colours the header: timestamp (any offset), source, dyno, router component', () => {
    const line = '2010-10-06T21:51:12-07:00 heroku[router]: at=info method=GET path="/" status=200 bytes=13';
    assert.match(scopeOf(line, '2010-10-06T21:51:12-07:00'), /^comment\.timestamp/);
    assert.match(scopeOf(line, 'heroku'), /^entity\.name\.tag\.source\.heroku/);
    assert.match(scopeOf(line, 'router'), /^entity\.name\.type\.component\.router/);
    const app = '2024-10-17T22:23:22.209776+00:00 app[web-5d7f8b9c6-x7k2q]: hello';
    assert.match(scopeOf(app, 'app'), /^entity\.name\.tag\.source\.app/);
    assert.match(scopeOf(app, 'web-5d7f8b9c6-x7k2q'), /^entity\.name\.function\.dyno/);
  });

  it('router status classes 2xx, 3xx, 4xx, 5xx each get their own scope; at=error and error codes stand out', () => {
    const at = (s: string): string => scopeOf(`2026-11-24T06:31:26+00:00 heroku[router]: at=info method=GET path="/" status=${s} bytes=1`, s);
    assert.match(at('200'), /^markup\.inserted\.status/);
    assert.match(at('304'), /^markup\.changed\.status/);
    assert.match(at('404'), /^markup\.deleted\.status/);
    assert.match(at('503'), /^invalid\.illegal\.status/);
    const h12 = '2026-11-24T06:31:26+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/x" status=503';
    assert.match(scopeOf(h12, 'error'), /^invalid\.illegal\.level\.error/);
    assert.match(scopeOf(h12, 'H12'), /^invalid\.illegal\.error-code/);
    assert.match(scopeOf(h12, 'GET'), /^keyword\.other\.method/);
    assert.match(scopeOf(h12, '"Request timeout"'), /^string\.quoted\.double/);
    assert.match(scopeOf(h12, 'desc'), /^variable\.other\.key/);
    assert.match(scopeOf('2011-05-03T17:40:11+00:00 heroku[worker.1]: Error R14 (Memory quota exceeded)', 'R14'), /^invalid\.illegal\.error-code/);
    assert.match(scopeOf('2011-05-03T17:40:10+00:00 heroku[logplex]: L11 (Tail buffer overflow) -> dropped', 'L11'), /^invalid\.illegal\.error-code/);
  });

  it('syslog frames and stream markers', () => {
    const frame = '83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up';
    assert.match(scopeOf(frame, '2012-11-30T06:45:29+00:00'), /^comment\.timestamp/);
    assert.match(scopeOf(frame, 'web.3'), /^entity\.name\.function\.dyno/);
    for (const m of [reconnectedText(2500, true), droppedText(12)]) assert.match(scopeOf(m, m), /^comment\.line\.marker/);
  });
});
