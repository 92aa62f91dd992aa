import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { detectForeign, FOREIGN_MARKER_KEYS } from '../../../../src/core/appjson/foreign';
import { DOCUMENTED_KEYS, HEROKU_ONLY_KEYS } from '../../../../src/core/appjson/keys';
import { lintAppJson } from '../../../../src/core/appjson/lint';
import { codes, covered, lint, lintValue } from './helpers';

const root = join(__dirname, '../../../..');

describe('appjson: schema', () => {
  it('accepts what Heroku accepts and the official schema rejects', () => {
    const problems = lintValue({
      name: 'ok',
      env: { PLAIN: 'string value', lower_case: { value: 'x' }, SECRET: { description: 'd', generator: 'secret' } },
      scripts: { postdeploy: { command: 'rake db:seed', size: 'standard-2x' }, 'pr-predestroy': 'rake cleanup' },
      stack: 'container',
      formation: { web: { size: 'standard-1x' } },
      environments: { test: { scripts: { 'test-setup': 'rake setup', test: 'rake test' } }, review: { scripts: { postdeploy: 'x' } } },
    });
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  });

  it('rejects a production environment on its key', () => {
    const text = '{\n  "environments": {\n    "production": {}\n  }\n}';
    const [p] = lint(text).filter((q) => q.code === 'appjson/unknown-environment');
    assert.equal(p.severity, 'error');
    assert.equal(covered(text, p), '"production"');
  });

  it('notes a name longer than 30 characters, on the value (info: Heroku\'s own samples deploy with longer names)', () => {
    const text = `{"name": "${'x'.repeat(31)}"}`;
    const [p] = lint(text).filter((q) => q.code === 'appjson/name-too-long');
    assert.equal(p.severity, 'info');
    assert.equal(covered(text, p), `"${'x'.repeat(31)}"`);
    assert.deepEqual(codes(lint(`{"name": "${'x'.repeat(30)}"}`)), []);
    assert.deepEqual(codes(lintAppJson({ text, skip: { syntax: true, schema: true } })), ['appjson/name-too-long']);
    const schema = JSON.parse(readFileSync(join(root, 'schemas/app.json.schema.json'), 'utf8'));
    assert.equal(schema.definitions.manifest.properties.name.maxLength, undefined);
  });

  it('puts a type error on the offending value with one readable message', () => {
    const text = '{\n  "env": {\n    "DEBUG": true\n  }\n}';
    const ps = lint(text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0].code, 'appjson/schema');
    assert.equal(covered(text, ps[0]), 'true');
    assert.equal(ps[0].message, 'env.DEBUG must be a string or an object.');
  });

  it('checks env values inside environments too', () => {
    assert.deepEqual(codes(lintValue({ environments: { review: { env: { DEBUG: 1 } } } })), ['appjson/schema']);
  });

  it('reports the branch that fits: an unknown key inside an env object (a warning, with a guess)', () => {
    const text = '{"env": {"A": {"valu": "x"}}}';
    const [p] = lint(text);
    assert.equal(p.code, 'appjson/unknown-key');
    assert.equal(p.severity, 'warning');
    assert.equal(p.message, '"valu" is not a key Heroku knows in env.A; it has no effect. Did you mean "value"?');
    assert.equal(covered(text, p), '"valu"');
    assert.match(lint('{"env": {"A": {"default": "x"}}}')[0].message, /Did you mean "value"\?/);
  });

  it('says that formation is an object, not the list of an early draft', () => {
    const [p] = lint('{"environments": {"review": {"formation": [{"process": "web", "quantity": 1}]}}}');
    assert.match(p.message, /^environments\.review\.formation must be an object keyed by process type/);
  });

  it('reports only the syntax error when the structure after it is a guess', () => {
    const text = '{"env": {"A": {"value": "x"\n "B": {"value": 1}, "C": {"x": 1}}, "addons": "y"}';
    assert.deepEqual([...new Set(codes(lint(text)))], ['appjson/syntax']);
  });

  it('requires plan in an add-on object, on the object', () => {
    const [p] = lintValue({ addons: [{ as: 'X' }] });
    assert.equal(p.message, 'addons[0] needs "plan".');
  });

  it('rejects a negative or fractional quantity and a non-URL logo', () => {
    assert.deepEqual(codes(lintValue({ formation: { web: { quantity: -1 } } })), ['appjson/schema']);
    assert.deepEqual(codes(lintValue({ formation: { web: { quantity: 1.5 } } })), ['appjson/schema']);
    assert.deepEqual(codes(lintValue({ logo: 'logo.png' })), ['appjson/schema']);
    assert.deepEqual(codes(lintValue({ logo: 'https://example.com/logo.svg' })), []);
  });

  it('rejects a process type name with a space, on the key', () => {
    const text = '{"formation": {"my web": {"quantity": 1}}}';
    const [p] = lint(text);
    assert.equal(covered(text, p), '"my web"');
  });

  it('the committed validators are what the schemas generate (no drift)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/gen-validators.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('the schema and core agree on which keys are Heroku\'s and which mark another format (foreign detection)', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/app.json.schema.json'), 'utf8'));
    const [, obj] = schema.definitions.foreignManifest.anyOf;
    const keysOf = (list: { required: string[] }[]) => list.map((r) => r.required[0]).sort();
    assert.deepEqual(keysOf(obj.allOf[0].not.anyOf), [...HEROKU_ONLY_KEYS].sort());
    assert.deepEqual(keysOf(obj.allOf[1].anyOf), [...FOREIGN_MARKER_KEYS].sort());
    assert.deepEqual(Object.keys(schema.definitions.manifest.properties).sort(), [...DOCUMENTED_KEYS].sort());
  });

  it('the schema\'s foreignManifest decides as detectForeign does, on random objects', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/app.json.schema.json'), 'utf8'));
    const isForeign = new Ajv({ strict: false }).compile({ ...schema.definitions.foreignManifest, definitions: schema.definitions });
    const key = fc.oneof(fc.constantFrom(...DOCUMENTED_KEYS, ...FOREIGN_MARKER_KEYS, '', 'sc', 'pag', 'x'), fc.string({ maxLength: 6 }));
    const value = fc.oneof(fc.dictionary(key, fc.constant(1), { maxKeys: 5 }), fc.jsonValue({ maxDepth: 1 }));
    fc.assert(fc.property(value, (v) => {
      assert.equal(isForeign(v), detectForeign(v).foreign, JSON.stringify(v));
    }), { numRuns: 2000 });
  });

  it('a new or half-typed file is Heroku\'s (so the editor offers completions in it)', () => {
    for (const v of [{}, { '': null }, { name: 'x', sc: null }, { na: null }, { pag: null }]) assert.equal(detectForeign(v).foreign, false, JSON.stringify(v));
  });

  it('every property in the schema has a description (hovers)', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/app.json.schema.json'), 'utf8'));
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const target = typeof v.$ref === 'string' ? schema.definitions[v.$ref.split('/').pop() as string] : v;
          if (!v.description && !target?.description) missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) if (k !== 'properties') walk(v, `${path}/${k}`);
    };
    walk(schema, '#');
    assert.deepEqual(missing, []);
  });
});
