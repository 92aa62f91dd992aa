/* eslint-disable no-control-regex -- these tests are about control characters */
import assert from 'node:assert/strict';
import { escapeControl } from '../../../../src/core/logs/render';
import { safeJson, toJsonRecord } from '../../../../src/core/logs/json';
import { isMarkerText, reconnectedText, droppedText } from '../../../../src/core/logs/markers';
import { parseLogLine } from '../../../../src/core/logs/parse';
import { ansiText, markerText, plainText, toPlain } from '../../../../src/core/logs/render';
import { tokenize } from '../../../../src/core/logs/tokens';
import { LINE_FIXTURES } from '../../../fixtures/logs/lines';

const ESC = '\x1b';
const H12 = '2026-11-24T06:31:26.123456+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/slow" host=a.herokuapp.com dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https';

/** The visible text of ANSI output. */
const strip = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('core/logs: tokens, ANSI and plain text', () => {
  it('ANSI and plain come from the same tokens: stripping the colours gives the plain text, for every fixture', () => {
    for (const f of LINE_FIXTURES) {
      const p = parseLogLine(f.line);
      assert.equal(strip(ansiText(p)), plainText(p), f.line);
      assert.equal(toPlain(tokenize(p)), plainText(p), f.line);
    }
  });

  it('colours router parts by meaning: 5xx red, error code bold red, slow service red, method magenta', () => {
    const out = ansiText(parseLogLine(H12));
    assert.ok(out.includes(`${ESC}[31m503${ESC}[0m`), out);
    assert.ok(out.includes(`${ESC}[1;31mH12${ESC}[0m`));
    assert.ok(out.includes(`${ESC}[31m30000ms${ESC}[0m`));
    assert.ok(out.includes(`${ESC}[35mGET${ESC}[0m`));
    assert.ok(out.includes(`${ESC}[32m0ms${ESC}[0m`), 'a fast connect is green');
    const ok = ansiText(parseLogLine(H12.replace('status=503', 'status=200').replace('at=error code=H12 desc="Request timeout" ', 'at=info ')));
    assert.ok(ok.includes(`${ESC}[32m200${ESC}[0m`));
    assert.ok(ansiText(parseLogLine(H12.replace('status=503', 'status=404'))).includes(`${ESC}[33m404${ESC}[0m`));
    assert.ok(ansiText(parseLogLine(H12.replace('status=503', 'status=301'))).includes(`${ESC}[36m301${ESC}[0m`));
  });

  it('the same process type gets the same colour on every line; different types may differ', () => {
    const colourOf = (line: string): string => /\x1b\[([0-9;]+)m[^\x1b]*\x1b\[0m\[/.exec(ansiText(parseLogLine(line)))?.[1] ?? '';
    assert.equal(colourOf('2026-11-24T06:31:26+00:00 app[web.1]: a'), colourOf('2026-11-24T06:31:26+00:00 app[web.7]: b'));
    assert.equal(colourOf('2026-11-24T06:31:26+00:00 app[web.1]: a'), colourOf('2026-11-24T06:31:26+00:00 app[web-5d7f8b9c6-x7k2q]: b'));
    assert.notEqual(colourOf('2026-11-24T06:31:26+00:00 app[web.1]: a'), '');
  });

  it('syslog frames read like logplex lines in the plain text', () => {
    assert.equal(plainText(parseLogLine('83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up')),
      '2012-11-30T06:45:29+00:00 app[web.3]: State changed from starting to up');
  });

  it('control characters never reach the output: ESC, C1 CSI, bidi override, line separator are visible escapes', () => {
    const evil = `2026-11-24T06:31:26+00:00 heroku[router]: at=info method=GET path="/${ESC}]0;pwned\x07${ESC}[2J\u009b31m\u202egnp.exe\u2028x" status=200`;
    for (const out of [plainText(parseLogLine(evil)), strip(ansiText(parseLogLine(evil)))]) {
      assert.doesNotMatch(out, /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u202e]/);
      assert.ok(out.includes('\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202egnp.exe\\u2028x'), out);
    }
    // Colour codes are only ours: every ESC in ANSI output starts an SGR we wrote.
    assert.doesNotMatch(ansiText(parseLogLine(evil)).replace(/\x1b\[[0-9;]*m/g, ''), /\x1b/);
    assert.equal(escapeControl('tab\tstays'), 'tab\tstays');
    assert.equal(escapeControl('nul\u0000'), 'nul\\u0000');
  });

  it('markers: typed texts, recognisable, coloured only on request', () => {
    assert.equal(reconnectedText(2500, true), '— reconnected after 2.5 s; lines in between may be missing —');
    assert.equal(reconnectedText(12_345, false), '— reconnected after 12 s; no lines were missed —');
    assert.equal(droppedText(1), '— 1 line dropped: the reader could not keep up —');
    assert.ok(isMarkerText(droppedText(5)));
    assert.equal(markerText(droppedText(5), false), droppedText(5));
    assert.match(markerText(droppedText(5), true), /^\x1b\[3;33m— 5 lines/);
  });

  it('JSON records: the documented keys, fields and code only when present, safe on a terminal', () => {
    const j = toJsonRecord(parseLogLine(H12));
    assert.deepEqual(Object.keys(j), ['timestamp', 'source', 'dyno', 'type', 'message', 'fields', 'code']);
    assert.equal(j.code, 'H12');
    assert.deepEqual(toJsonRecord(parseLogLine('junk')), { timestamp: null, source: null, dyno: null, type: null, message: 'junk' });
    const text = safeJson(toJsonRecord(parseLogLine(`2026-11-24T06:31:26+00:00 app[web.1]: a${ESC}b\u009bc\u202ed`)));
    assert.doesNotMatch(text, /[\x00-\x1f\x7f-\x9f\u202e]/);
    assert.equal(JSON.parse(text).message, `a${ESC}b\u009bc\u202ed`);
  });
});
