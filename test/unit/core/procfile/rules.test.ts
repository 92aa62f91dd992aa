import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintProcfile, type LintProcfileOptions } from '../../../../src/core/procfile/lint';
import { procfileRuleInfo } from '../../../../src/core/procfile/rules/index';
import { applyFix } from './helpers';

interface Case {
  fires: string;
  quiet: string;
  options?: LintProcfileOptions;
  /** Expected text after the preferred fix of the first firing problem. */
  fixed?: string;
  /** Expected file rename of the preferred fix of the first firing problem. */
  renameTo?: string;
  severity?: string;
}

// One firing and one non-firing sample per rule (the quiet one is a near miss of the firing one).
const cases: Record<string, Case> = {
  'misnamed-file': { fires: 'web: npm start\n', quiet: 'web: npm start\n', options: { fileName: 'procfile' }, renameTo: 'Procfile' },
  bom: { fires: '\uFEFFweb: npm start\n', quiet: 'web: npm start\n', fixed: 'web: npm start\n' },
  crlf: { fires: 'web: npm start\r\nworker: node w.js\r\n', quiet: 'web: npm start\nworker: node w.js\n', fixed: 'web: npm start\nworker: node w.js\n' },
  'no-processes': { fires: '# nothing yet\n\n', quiet: 'worker: node w.js\n' },
  'quoted-line': { fires: '"web: npm start"\n', quiet: 'web: echo "npm start"\n', fixed: 'web: npm start\n' },
  'slash-comment': { fires: '// web server\nweb: npm start\n', quiet: '# web server\nweb: npm start\n', fixed: '# web server\nweb: npm start\n' },
  'template-syntax': { fires: 'web: {{ start_command }}\n', quiet: "web: docker ps --format '{{.Names}}'\n" },
  'line-continuation': {
    fires: 'web: gunicorn app:app \\\n  --workers 3\n',
    quiet: 'web: gunicorn app:app --workers 3 # not \\ a continuation\n',
    fixed: 'web: gunicorn app:app --workers 3\n',
  },
  'invalid-line': { fires: 'npm start\n', quiet: 'web: npm start\n' },
  'invalid-process-type': { fires: 'web.1: npm start\n', quiet: 'web1: npm start\n', fixed: 'web-1: npm start\n' },
  'fir-renamed-process-type': { fires: 'Worker_High: rake jobs\n', quiet: 'worker-high: rake jobs\n', fixed: 'worker-high: rake jobs\n', severity: 'info' },
  'fir-invalid-process-type': { fires: 'worker-: rake jobs\n', quiet: 'worker-2: rake jobs\n', fixed: 'worker: rake jobs\n' },
  'process-type-too-long': { fires: `${'a'.repeat(64)}: x\n`, quiet: `${'a'.repeat(63)}: x\n` },
  'duplicate-process-type': { fires: 'web: a\nweb: b\n', quiet: 'web: a\nworker: b\n', fixed: 'web: b\n' },
  'fir-duplicate-process-type': { fires: 'Web: node a.js\nweb: node b.js\n', quiet: 'web: node a.js\nweb-admin: node b.js\n' },
  'space-before-colon': { fires: 'web : npm start\n', quiet: 'web: npm start\n', fixed: 'web: npm start\n' },
  'leading-whitespace': { fires: '  web: npm start\n', quiet: 'web:   npm start\n', fixed: 'web: npm start\n' },
  'empty-command': { fires: 'web:\n', quiet: 'web: x\n' },
  'fixed-port': { fires: 'web: bundle exec rails s -p 3000\n', quiet: 'web: bundle exec rails s -p $PORT\n', fixed: 'web: bundle exec rails s -p $PORT\n' },
  'localhost-bind': { fires: 'web: gunicorn -b 127.0.0.1:$PORT app:app\n', quiet: 'web: gunicorn -b 0.0.0.0:$PORT app:app\n', fixed: 'web: gunicorn -b 0.0.0.0:$PORT app:app\n' },
  'port-without-dollar': { fires: 'web: node server.js --port PORT\n', quiet: 'web: node server.js --port $PORT\n', fixed: 'web: node server.js --port $PORT\n' },
  'unbalanced-quotes': { fires: 'worker: sh -c "node w.js\n', quiet: 'worker: sh -c "node w.js"\n' },
  'unclosed-expansion': { fires: 'worker: node w.js ${QUEUE:-default\n', quiet: 'worker: node w.js ${QUEUE:-default}\n' },
  'dangling-operator': { fires: 'release: rake db:migrate &&\n', quiet: 'release: rake db:migrate && rake cache:clear\n' },
  'backgrounded-command': { fires: 'worker: node w.js &\n', quiet: 'worker: node a.js & node b.js\n', fixed: 'worker: node w.js \n' },
  'heroku-local-name': { fires: 'celery-beat: celery beat\n', quiet: 'celery_beat: celery beat\n', fixed: 'celery_beat: celery beat\n', severity: 'info' },
  'heroku-local-comment': { fires: '# start the server\nweb: npm start\n', quiet: '#\nweb: npm start\n', severity: 'info' },
  'unknown-directive-code': { fires: '# heroku-lint-disable-next-line fixed-prot\nweb: x\n', quiet: '# heroku-lint-disable-next-line fixed-port\nweb: x -p 3000\n' },
};

describe('procfile rules', () => {
  it('has a case for every rule, and at least 15 rules', () => {
    const all = procfileRuleInfo().map((r) => r.code.replace('procfile/', ''));
    assert.ok(all.length >= 15, `only ${all.length} rules`);
    // internal-error reports a bug in a rule (lint.test.ts makes one throw), not something a Procfile can hold.
    assert.deepEqual(all.filter((c) => !cases[c] && c !== 'internal-error'), []);
  });

  for (const [name, c] of Object.entries(cases)) {
    const code = `procfile/${name}`;
    describe(code, () => {
      it('fires', () => {
        const found = lintProcfile(c.fires, c.options).filter((p) => p.code === code);
        assert.equal(found.length, 1, JSON.stringify(lintProcfile(c.fires, c.options)));
        if (c.severity) assert.equal(found[0].severity, c.severity);
        assert.ok(found[0].message.length > 40, found[0].message);
        if (c.renameTo !== undefined) {
          assert.equal((found[0].fixes?.find((f) => f.isPreferred) ?? found[0].fixes?.[0])?.renameTo, c.renameTo);
        }
        if (c.fixed !== undefined) {
          const fix = found[0].fixes?.find((f) => f.isPreferred) ?? found[0].fixes?.[0];
          assert.equal(applyFix(c.fires, fix), c.fixed);
        }
      });
      it('stays quiet on the near miss', () => {
        const opts = name === 'misnamed-file' ? { fileName: 'Procfile' } : c.options;
        assert.deepEqual(lintProcfile(c.quiet, opts).filter((p) => p.code === code), []);
      });
    });
  }
});

describe('docs/RULES.md', () => {
  const text = readFileSync(join(__dirname, '../../../../docs/RULES.md'), 'utf8');

  it('lists every Procfile rule code with its default severity and a source', () => {
    for (const r of procfileRuleInfo()) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${r.code}\` |`));
      assert.ok(row, `${r.code} missing from docs/RULES.md`);
      const cells = row.split(/(?<!\\)\|/); // `\|` is a pipe inside a cell
      assert.ok(cells[2].includes(r.severity), `${r.code}: documented severity differs from ${r.severity}`);
      assert.match(cells[5] ?? '', /\[[A-Z0-9-]+\]|\(this linter\)|\(self-evident\)/, `${r.code}: no source`);
    }
  });

  it('has an example for every Procfile rule, and each example makes its rule fire', () => {
    // `\n`, `\r`, `\uXXXX` and `\\` in an example stand for the characters they name in a JS string.
    const unescape = (s: string) => s.replace(/\\(\\|n|r|u[0-9A-Fa-f]{4})/g, (_m, e: string) => (e === '\\' ? '\\' : e === 'n' ? '\n' : e === 'r' ? '\r' : String.fromCharCode(parseInt(e.slice(1), 16))));
    const missing: string[] = [];
    for (const r of procfileRuleInfo()) {
      if (r.code === 'procfile/internal-error') continue;
      const line = text.split('\n').find((l) => l.startsWith(`- \`${r.code}\``));
      const m = line && /^- `[^`]+`(?: \(file `([^`]+)`\))?: `([^`]+)`/.exec(line);
      if (!m) {
        missing.push(r.code);
        continue;
      }
      const found = lintProcfile(unescape(m[2]), m[1] ? { fileName: m[1] } : {}).map((p) => p.code);
      assert.ok(found.includes(r.code), `the docs example for ${r.code} (${m[2]}) gives ${found.join(', ') || 'nothing'}`);
    }
    assert.deepEqual(missing, [], 'rules without an example in docs/RULES.md');
  });
});
