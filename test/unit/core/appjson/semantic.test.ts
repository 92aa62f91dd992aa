import * as assert from 'node:assert/strict';
import { codes, covered, lint, lintValue } from './helpers';

const only = (ps: ReturnType<typeof lint>, code: string) => ps.filter((p) => p.code === code);

describe('appjson: semantic checks', () => {
  describe('formation vs Procfile', () => {
    it('warns on a formation type the Procfile does not declare, on its key', () => {
      const text = '{"formation": {"web": {"quantity": 1}, "wrker": {"quantity": 1}}}';
      const ps = only(lint(text, { Procfile: 'web: node server.js\nworker: node worker.js\n' }), 'appjson/formation-not-in-procfile');
      assert.equal(ps.length, 1);
      assert.equal(covered(text, ps[0]), '"wrker"');
      assert.match(ps[0].message, /web, worker/);
    });
    it('is silent when the Procfile declares every type, or there is no Procfile', () => {
      const v = { formation: { web: { quantity: 1 } } };
      assert.deepEqual(codes(lintValue(v, { Procfile: 'web: x\n' })), []);
      assert.deepEqual(codes(lintValue({ formation: { worker: { quantity: 1 } } })), []);
    });
    it('does not check the Heroku CI test formation', () => {
      assert.deepEqual(codes(lintValue({ environments: { test: { formation: { test: { quantity: 2 } } } } }, { Procfile: 'web: x\n' })), []);
    });
    it('checks against heroku.yml on the container stack', () => {
      const v = { stack: 'container', formation: { web: { quantity: 1 }, clock: { quantity: 1 } } };
      const ps = lintValue(v, { 'heroku.yml': 'build:\n  docker:\n    web: Dockerfile\n', Procfile: 'clock: x\n' });
      assert.deepEqual(only(ps, 'appjson/formation-not-in-procfile').map((p) => p.message.slice(0, 22)), ['Process type "clock" i']);
      assert.match(only(ps, 'appjson/formation-not-in-procfile')[0].message, /heroku\.yml/);
    });
  });

  describe('add-ons', () => {
    it('rejects a malformed plan, as a string or in an object', () => {
      assert.equal(only(lintValue({ addons: ['heroku postgresql'] }), 'appjson/addon-plan-format').length, 1);
      assert.equal(only(lintValue({ addons: [{ plan: 'redis::mini' }] }), 'appjson/addon-plan-format').length, 1);
    });
    it('accepts service and service:plan', () => {
      assert.deepEqual(codes(lintValue({ addons: ['heroku-postgresql', 'heroku-redis:mini', { plan: 'heroku-postgresql:in-dyno' }] })), []);
    });
    it('rejects two add-ons attached under the same name (case-insensitively), on the second', () => {
      const text = '{"addons": [{"plan": "a", "as": "DB"}, {"plan": "b", "as": "db"}]}';
      const ps = only(lint(text), 'appjson/duplicate-addon-as');
      assert.equal(ps.length, 1);
      assert.equal(covered(text, ps[0]), '"db"');
    });
    it('allows the same name in different scopes', () => {
      assert.deepEqual(codes(lintValue({ addons: [{ plan: 'a', as: 'DB' }], environments: { test: { addons: [{ plan: 'a', as: 'DB' }] } } })), []);
    });
  });

  describe('env', () => {
    it('accepts a value on a required variable (required is the default: the value is the form\'s default)', () => {
      assert.deepEqual(codes(lintValue({ env: { A: { value: 'x', required: true }, B: { value: 'y', required: false }, C: { required: true } } })), []);
    });
    it('says which env value is not a string, once per variable', () => {
      const ps = lintValue({ env: { A: 50, B: 5, C: { value: true } } });
      assert.deepEqual(ps.map((p) => p.message), ['env.A must be a string or an object.', 'env.B must be a string or an object.', 'env.C.value must be a string.']);
    });
    it('rejects a generator other than secret, with a fix', () => {
      const text = '{"env": {"A": {"generator": "uuid"}}}';
      const [p] = only(lint(text), 'appjson/env-generator');
      assert.equal(p.severity, 'error');
      assert.equal(covered(text, p), '"uuid"');
      assert.equal(p.fixes?.[0].edits?.[0].newText, '"secret"');
      assert.deepEqual(codes(lintValue({ env: { A: { generator: 'secret' } } })), []);
    });
    it('warns when a variable has both a generator and a value, on "value", also per environment', () => {
      const text = '{"env": {"SECRET_KEY_BASE": {"generator": "secret", "value": "abc"}}}';
      const [p] = only(lint(text), 'appjson/generator-with-value');
      assert.equal(p.severity, 'warning');
      assert.equal(covered(text, p), '"value"');
      assert.match(p.message, /SECRET_KEY_BASE/);
      assert.deepEqual(codes(lintValue({ environments: { review: { env: { K: { generator: 'secret', value: 'v' } } } } })), ['appjson/generator-with-value']);
      assert.deepEqual(codes(lintValue({ env: { K: { generator: 'secret', description: 'd' }, V: { value: 'v' } } })), []);
    });
  });

  describe('stacks and sizes', () => {
    it('warns on deprecated and unknown stacks, case-insensitively', () => {
      assert.deepEqual(codes(lintValue({ stack: 'heroku-18' })), ['appjson/deprecated-stack']);
      assert.deepEqual(codes(lintValue({ stack: 'ubuntu' })), ['appjson/unknown-stack']);
      assert.deepEqual(codes(lintValue({ stack: 'HEROKU-24' })), []);
      assert.deepEqual(codes(lintValue({ stack: 'container' })), []);
      assert.deepEqual(codes(lintValue({ environments: { review: { stack: 'cedar-14' } } })), ['appjson/deprecated-stack']);
    });
    it('warns on retired and unknown sizes, case-insensitively, with the replacement', () => {
      const [p] = lintValue({ formation: { web: { size: 'Hobby' } } });
      assert.equal(p.code, 'appjson/deprecated-size');
      assert.equal(p.fixes?.[0].edits?.[0].newText, '"basic"');
      assert.deepEqual(codes(lintValue({ formation: { web: { size: 'huge' } } })), ['appjson/unknown-size']);
      assert.deepEqual(codes(lintValue({ formation: { web: { size: 'Standard-2X' }, w: { size: 'performance-l-ram' } } })), []);
      assert.deepEqual(codes(lintValue({ scripts: { postdeploy: { command: 'x', size: 'free' } } })), ['appjson/deprecated-size']);
    });
  });

  describe('other keys', () => {
    it('marks image deprecated on its key (info: Heroku ignores it)', () => {
      const text = '{"image": "heroku/ruby"}';
      const [p] = lint(text);
      assert.equal(p.code, 'appjson/deprecated-image');
      assert.equal(p.severity, 'info');
      assert.deepEqual(p.tags, ['deprecated']);
      assert.equal(covered(text, p), '"image"');
    });
    it('warns on buildpacks with the container stack, also per environment', () => {
      assert.deepEqual(codes(lintValue({ stack: 'container', buildpacks: [{ url: 'heroku/ruby' }] })), ['appjson/buildpacks-on-container']);
      assert.deepEqual(codes(lintValue({ stack: 'container', environments: { test: { buildpacks: [{ url: 'x' }] } } })), ['appjson/buildpacks-on-container']);
      assert.deepEqual(codes(lintValue({ stack: 'heroku-24', buildpacks: [{ url: 'heroku/ruby' }] })), []);
    });
    it('warns on a relative success_url and offers the absolute path', () => {
      const [p] = lintValue({ success_url: 'welcome' });
      assert.equal(p.code, 'appjson/relative-success-url');
      assert.equal(p.fixes?.[0].edits?.[0].newText, '"/welcome"');
      assert.deepEqual(codes(lintValue({ success_url: '/welcome' })), []);
      assert.deepEqual(codes(lintValue({ success_url: 'https://example.com/x' })), []);
    });
    it('warns on unknown top-level keys and unknown scripts', () => {
      assert.deepEqual(codes(lintValue({ env: {}, cron: [] })), ['appjson/unknown-key']);
      const text = '{"name": "x", "addon": ["a"]}';
      const [p] = lint(text);
      assert.equal(p.code, 'appjson/unknown-key');
      assert.equal(covered(text, p), '"addon"');
      assert.match(p.message, /Did you mean "addons"/);
      assert.equal(p.fixes?.[0].edits?.[0].newText, '"addons"');
      assert.deepEqual(codes(lintValue({ scripts: { predeploy: 'x' } })), ['appjson/unknown-script']);
      assert.deepEqual(codes(lintValue({ scripts: { dokku: { predeploy: 'x' }, postdeploy: 'y' } })), []);
    });
  });
});
