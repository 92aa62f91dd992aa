// Bad input in `heroku-workflows lint`: binary files, control characters, floods and huge files give a bounded,
// readable report with no raw control character, in text, JSON and SARIF.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatText, toJson, toSarif } from '../../../src/cli/lint/format';
import { runCli } from './helpers';
import { MAX_PROBLEMS } from '../../../src/core/lint/finish';
import { lintBytes, ruleCatalog } from '../../../src/core/lint/registry';
import type { FileKind } from '../../../src/core/lint/types';
import { stringifyJsonSafe } from '../../../src/core/text/escape';

/** What a terminal could act on (escapeControl's set); a text report may hold only its own line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NAMES: Record<FileKind, string> = { procfile: 'Procfile', appjson: 'app.json', herokuyml: 'heroku.yml' };
const KINDS = Object.keys(NAMES) as FileKind[];

const cli = (cwd: string, ...argv: string[]) => runCli(['lint', ...argv], { cwd });

/** Every report format for one file's findings; each must be bounded and free of control characters. */
function reports(kind: FileKind, bytes: Uint8Array) {
  const problems = lintBytes(kind, { path: NAMES[kind], bytes, readSibling: () => undefined });
  const results = [{ file: NAMES[kind], problems }];
  return { problems, text: formatText(results), json: stringifyJsonSafe(toJson(results), 2), sarif: stringifyJsonSafe(toSarif(results, ruleCatalog[kind]?.() ?? [], '0.0.0'), 2) };
}

function assertSafe(kind: FileKind, bytes: Uint8Array): void {
  const r = reports(kind, bytes);
  assert.ok(r.problems.length <= MAX_PROBLEMS + 1, `${r.problems.length} problems`);
  assert.doesNotMatch(r.text, CONTROL);
  for (const json of [r.json, r.sarif]) {
    assert.doesNotMatch(json.replace(/\n/g, ''), CONTROL);
    JSON.parse(json);
  }
}

describe('cli: bad input', () => {
  let root: string;
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'hw-bad-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('200 KB of random bytes under each name: one encoding finding per file, in text, JSON and SARIF', async () => {
    const junk = randomBytes(200 * 1024);
    junk[10] = 0xff; // never UTF-8, whatever the draw
    for (const name of Object.values(NAMES)) writeFileSync(join(root, name), junk);
    const text = await cli(root);
    assert.equal(text.code, 1);
    const lines = text.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4, text.stdout);
    for (const l of lines.slice(0, 3)) assert.match(l, /^(Procfile|app\.json|heroku\.yml):\d+:\d+: error (procfile|appjson|herokuyml)\/encoding: This file is not UTF-8 text: the byte 0x[0-9A-F]{2} at byte offset \d+ \(line \d+\) is not valid UTF-8\./);
    assert.doesNotMatch(text.stdout, CONTROL);
    const json = JSON.parse((await cli(root, '--format', 'json')).stdout) as { code: string }[];
    assert.deepEqual(json.map((p) => p.code).sort(), ['appjson/encoding', 'herokuyml/encoding', 'procfile/encoding']);
    const sarif = JSON.parse((await cli(root, '--format', 'sarif')).stdout) as { runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.runs[0].results.length, 3);
  });

  it('a Procfile line that would set the terminal title is printed escaped', async () => {
    writeFileSync(join(root, 'Procfile'), 'we\x1b]0;pwned\x07b: node x\n');
    const r = await cli(root);
    assert.match(r.stdout, /`we\\u001b\]0;pwned\\u0007b` is not a valid process type/);
    assert.doesNotMatch(r.stdout, CONTROL);
    const [p] = JSON.parse((await cli(root, '--format', 'json')).stdout) as { message: string }[];
    assert.match(p.message, /we\\u001b\]0;pwned\\u0007b/);
  });

  it('escapes a folder name in the text report; JSON keeps the real path', async () => {
    const dir = 'a\x1b[31mred';
    mkdirSync(join(root, dir));
    writeFileSync(join(root, dir, 'Procfile'), 'web: rails s -p 3000\n');
    const r = await cli(root);
    assert.match(r.stdout, /^a\\u001b\[31mred\/Procfile:1:/m);
    assert.doesNotMatch(r.stdout, CONTROL);
    const json = await cli(root, '--format', 'json');
    assert.equal((JSON.parse(json.stdout) as { file: string }[])[0].file, `${dir}/Procfile`);
    assert.doesNotMatch(json.stdout.replace(/\n/g, ''), CONTROL);
  });

  it('caps a flood at 200 findings per file, then says how many more', async () => {
    writeFileSync(join(root, 'Procfile'), 'not a declaration\n'.repeat(1000));
    const r = await cli(root, '--format', 'json');
    const out = JSON.parse(r.stdout) as { code: string; message: string }[];
    assert.equal(out.length, MAX_PROBLEMS + 1);
    assert.equal(out[MAX_PROBLEMS].code, 'procfile/too-many-problems');
    assert.match(out[MAX_PROBLEMS].message, /^800 more problems not shown \(800 error\)/);
  });

  it('random bytes: no throw, bounded, no control character in any format (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...KINDS), fc.uint8Array({ maxLength: 2000 }), (kind, bytes) => assertSafe(kind, bytes)), { numRuns: 300 });
  });

  it('text full of control characters: no throw, bounded, escaped (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('web', 'worker', ': ', '-p ', '3000', '\n', '{"', '": "', '"}', 'build:\n  docker:\n    ', 'run:\n  ', '$PORT', '#'),
      fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u202e', '\u2028', '\ud800', '\ufeff', 'é'),
    );
    const text = fc.array(piece, { maxLength: 120 }).map((xs) => xs.join(''));
    fc.assert(fc.property(fc.constantFrom(...KINDS), text, (kind, t) => assertSafe(kind, Buffer.from(t))), { numRuns: 300 });
  });

  it('10 MB files: one finding, nothing else checked; files at the size limit: bounded and escaped', function () {
    this.timeout(60000);
    const tenMb = 10 * 1024 * 1024;
    for (const kind of KINDS) {
      const binary = reports(kind, randomBytes(tenMb));
      assert.deepEqual(binary.problems.map((p) => p.code), [`${kind}/encoding`]);
      const text = reports(kind, Buffer.alloc(tenMb, 'we\x1b]0;x\x07: y -p 1\n'));
      assert.deepEqual(text.problems.map((p) => p.code), [`${kind}/too-large`]);
      assert.match(text.problems[0].message, /^This file is 10\.0 MB; files over (1\.0 MB|64 KB) are not checked/);
    }
    // Just under each limit: broken content of the slowest kinds the linters know, with control characters.
    const near: [FileKind, string, number][] = [['procfile', 'w\x1bb: rails s -p 3000\n', 1024 * 1024], ['appjson', '{"a\x1b":1,},', 1024 * 1024], ['herokuyml', 'k\x1b: [\n', 64 * 1024]];
    for (const [kind, unit, max] of near) {
      const bytes = Buffer.from(unit.repeat(Math.floor(max / unit.length)));
      assert.ok(bytes.length <= max);
      assertSafe(kind, bytes);
      assert.equal(reports(kind, bytes).problems.length, MAX_PROBLEMS + 1);
    }
  });
});
