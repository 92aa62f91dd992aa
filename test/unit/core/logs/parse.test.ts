import assert from 'node:assert/strict';
import { errorCodeInfo, ERROR_CODES_URL, knownErrorCodes } from '../../../../src/core/logs/codes';
import { dynoGeneration, processTypeOf } from '../../../../src/core/logs/dyno';
import { parsePairs } from '../../../../src/core/logs/fields';
import { parseLogLine } from '../../../../src/core/logs/parse';
import { severityOf } from '../../../../src/core/logs/severity';
import { LINE_FIXTURES } from '../../../fixtures/logs/lines';

describe('core/logs: parseLogLine on published line shapes', () => {
  for (const f of LINE_FIXTURES) {
    it(`${JSON.stringify(f.line.slice(0, 70))}  [${f.from}]`, () => {
      const p = parseLogLine(f.line);
      const e = f.expect;
      for (const k of ['shape', 'timestamp', 'source', 'dyno', 'type', 'message'] as const) {
        if (e[k] !== undefined) assert.equal(p[k], e[k], k);
      }
      if (e.code !== undefined) assert.equal(p.code, e.code ?? undefined, 'code');
      if (e.fields) {
        assert.ok(p.fields, 'fields');
        for (const [k, v] of Object.entries(e.fields)) assert.equal(p.fields[k], v, `fields.${k}`);
      }
      if (e.severity) assert.equal(severityOf(p), e.severity, 'severity');
      assert.equal(p.raw, f.line.replace(/[\r\n]+$/, ''));
    });
  }

  it('every fixture line names where it came from', () => {
    assert.ok(LINE_FIXTURES.length >= 50);
    for (const f of LINE_FIXTURES) assert.ok(f.from.length > 5, f.line);
  });
});

describe('core/logs: parts', () => {
  it('process types of Cedar, Fir and component names', () => {
    assert.equal(processTypeOf('web.1'), 'web');
    assert.equal(processTypeOf('run.4821'), 'run');
    assert.equal(processTypeOf('my_worker.12'), 'my_worker');
    assert.equal(processTypeOf('web-5d7f8b9c6-x7k2q'), 'web');
    assert.equal(processTypeOf('api-worker-5d7f8b9c6-x7k2q'), 'api-worker');
    assert.equal(processTypeOf('router'), 'router');
    assert.equal(processTypeOf('log-shuttle'), 'log-shuttle');
    assert.equal(processTypeOf('web.'), 'web.');
    assert.equal(dynoGeneration('web.1'), 'cedar');
    assert.equal(dynoGeneration('web-1234abcde-123ab'), 'fir');
    assert.equal(dynoGeneration('router'), undefined);
  });

  it('key=value pairs: quoted, empty, repeated (first wins), bare words, __proto__ as data', () => {
    assert.deepEqual(parsePairs('a=1 b="x y" c= d e=f=g a=2'), { a: '1', b: 'x y', c: '', e: 'f=g' });
    assert.equal(parsePairs('no pairs here'), undefined);
    const p = parsePairs('__proto__=polluted x=1');
    assert.equal(Object.getPrototypeOf(p), Object.prototype);
    assert.equal(p?.['__proto__' as 'x'], 'polluted');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('error codes: meanings and Dev Center links for H, R and L codes; unknown well-formed codes still link', () => {
    for (const c of ['H10', 'H12', 'H14', 'H18', 'H27', 'R14', 'R15', 'L10']) {
      const info = errorCodeInfo(c);
      assert.ok(info && info.meaning.length > 20 && info.title, c);
      assert.match(info.url, new RegExp(`^${ERROR_CODES_URL}#${c.toLowerCase()}-`));
    }
    assert.equal(errorCodeInfo('H35')?.url, ERROR_CODES_URL);
    assert.equal(errorCodeInfo('X10'), undefined);
    assert.equal(new Set(knownErrorCodes().map((c) => c.code)).size, knownErrorCodes().length);
  });

  it('keeps a 1 MB line whole and parses its header', () => {
    const body = 'x'.repeat(1024 * 1024);
    const p = parseLogLine(`2026-11-24T06:31:26.123456+00:00 app[web.1]: ${body}`);
    assert.equal(p.message.length, body.length);
    assert.equal(p.dyno, 'web.1');
    const q = parseLogLine(`2026-11-24T06:31:26.123456+00:00 heroku[router]: at=info path="${body}`);
    assert.equal(q.fields?.path.length, body.length);
  });

  it('replacement characters from invalid UTF-8 and control characters stay in the parts (escaped at output)', () => {
    const text = Buffer.concat([Buffer.from('2026-11-24T06:31:26+00:00 app[web.1]: bad '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' \x1b[2J end')]).toString('utf8');
    const p = parseLogLine(text);
    assert.equal(p.dyno, 'web.1');
    assert.ok(p.message.includes('\ufffd'));
    assert.ok(p.message.includes('\x1b[2J'));
  });
});
