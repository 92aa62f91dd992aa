// Fir-normalised duplicates, continuation joins next to comments, and what heroku-local-comment reports.
import { strict as assert } from 'node:assert';
import { lintProcfile } from '../../../../src/core/procfile/lint';
import { applyFix } from './helpers';

const only = (text: string, code: string) => lintProcfile(text).filter((p) => p.code === `procfile/${code}`);

describe('procfile/fir-duplicate-process-type', () => {
  it('reports names that Fir rewrites to the same process type, on the one that loses', () => {
    for (const [a, b] of [['Web', 'web'], ['web_1', 'web-1'], ['Worker_High', 'worker-high'], ['WEB', 'Web']]) {
      const found = only(`${a}: node a.js\n${b}: node b.js\n`, 'fir-duplicate-process-type');
      assert.equal(found.length, 1, `${a} / ${b}`);
      assert.equal(found[0].range.start.line, 0);
      assert.equal(found[0].related?.[0].range.start.line, 1);
      assert.match(found[0].message, new RegExp(`\`${a}\` and \`${b}\` \\(line 2\\) are both`));
    }
  });

  it('leaves exact duplicates to duplicate-process-type and says nothing when the names stay apart', () => {
    const text = 'web: a\nWeb: b\nweb: c\n';
    assert.deepEqual(only(text, 'duplicate-process-type').map((p) => p.range.start.line), [0]);
    assert.deepEqual(only(text, 'fir-duplicate-process-type').map((p) => p.range.start.line), [1]);
    for (const quiet of ['web: a\nworker: b\n', 'Web: a\nWorker: b\n', 'web_: a\nweb-: b\n', 'web: a\nWeb:\n']) {
      assert.deepEqual(only(quiet, 'fir-duplicate-process-type'), [], quiet);
    }
  });
});

describe('procfile/line-continuation next to comments', () => {
  it('does not pull a following # comment line into the joined command', () => {
    const text = 'web: gunicorn app:app \\\n  --workers 3 \\\n# tuned for 2 cores\nworker: celery worker\n';
    const [p] = only(text, 'line-continuation');
    assert.equal(applyFix(text, p.fixes?.[0]), 'web: gunicorn app:app --workers 3\n# tuned for 2 cores\nworker: celery worker\n');
  });

  it('offers no join when the next line is a comment', () => {
    const [p] = only('web: gunicorn app:app \\\n# --workers 3\n', 'line-continuation');
    assert.equal(p.fixes, undefined);
  });
});

describe('procfile/heroku-local-comment', () => {
  it('reports a commented-out declaration too (it contains words), but not our directives', () => {
    assert.equal(only('#web: npm start\nweb: node a.js\n', 'heroku-local-comment').length, 1);
    assert.deepEqual(only('# heroku-lint-disable-next-line fixed-port\nweb: rails s -p 3000\n', 'heroku-local-comment'), []);
  });
});

describe('procfile/misnamed-file on a case-insensitive file system', () => {
  const text = 'web: npm start\n';
  // What macOS and Windows do: any spelling of the name opens the one file there is.
  const caseInsensitive = (files: Record<string, string>) => (name: string) =>
    Object.entries(files).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const misnamed = (options: Parameters<typeof lintProcfile>[1]) => lintProcfile(text, options).filter((p) => p.code === 'procfile/misnamed-file');

  it('offers the rename when the only entry is `procfile` itself, though reading `Procfile` finds it', () => {
    const readSibling = caseInsensitive({ procfile: text, 'package.json': '{}' });
    assert.equal(readSibling('Procfile'), text, 'the fake behaves case-insensitively');
    const [p] = misnamed({ fileName: 'procfile', readSibling, siblingNames: () => ['package.json', 'procfile'] });
    assert.deepEqual(p.fixes?.map((f) => f.renameTo), ['Procfile']);
    assert.match(p.message, /Rename the file/);
  });

  it('offers no rename when a `Procfile` entry exists beside it (case-sensitive file system)', () => {
    const [p] = misnamed({ fileName: 'procfile', readSibling: () => 'web: other\n', siblingNames: () => ['Procfile', 'procfile'] });
    assert.equal(p.fixes, undefined);
    assert.match(p.message, /has no effect/);
  });

  it('without the folder listing it falls back to reading the sibling', () => {
    assert.equal(misnamed({ fileName: 'procfile', readSibling: () => undefined })[0].fixes?.[0].renameTo, 'Procfile');
    assert.equal(misnamed({ fileName: 'procfile', readSibling: () => text })[0].fixes, undefined);
  });
});

describe('procfile/crlf fix', () => {
  it('asks the editor to set LF line endings and still spells the change out as edits', () => {
    const text = 'web: npm start\r\nworker: node w.js\r\n';
    const [p] = lintProcfile(text).filter((x) => x.code === 'procfile/crlf');
    const fix = p.fixes?.[0];
    assert.equal(fix?.eol, 'lf');
    assert.equal(applyFix(text, fix), 'web: npm start\nworker: node w.js\n');
  });
});
