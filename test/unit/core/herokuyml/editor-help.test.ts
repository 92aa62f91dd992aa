import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeKey, keysAt } from '../../../../src/core/herokuyml/schema-info';
import { siblingKeys, yamlContextAt } from '../../../../src/core/herokuyml/yaml-context';

const TEXT = 'setup:\n  addons:\n    - plan: heroku-postgresql\n      as: DATABASE\nbuild:\n  docker:\n    web: Dockerfile\n  \nrun:\n  worker:\n    command: x\n';

describe('herokuyml: cursor context, hovers and completions', () => {
  it('finds the key path through mappings and list items', () => {
    assert.deepEqual(yamlContextAt(TEXT, 3, 7), { path: ['setup', 'addons'], key: 'as', onKey: true, indent: 6 });
    assert.deepEqual(yamlContextAt(TEXT, 6, 5).path, ['build', 'docker']);
    assert.deepEqual(yamlContextAt(TEXT, 10, 6).path, ['run', 'worker']);
  });
  it('knows whether the cursor is on the key or in the value', () => {
    assert.equal(yamlContextAt(TEXT, 2, 8).onKey, true);
    assert.equal(yamlContextAt(TEXT, 2, 20).onKey, false);
  });
  it('on an empty line uses the cursor column to find the parent', () => {
    assert.deepEqual(yamlContextAt(TEXT, 7, 2), { path: ['build'], onKey: true, indent: 2 });
    assert.deepEqual(yamlContextAt(TEXT, 7, 0).path, []);
  });
  it('describes keys from the schema, including process types and config vars', () => {
    assert.match(describeKey([], 'release') ?? '', /release phase/);
    assert.match(describeKey(['setup', 'addons'], 'as') ?? '', /Attachment name/);
    assert.match(describeKey(['build', 'docker'], 'web') ?? '', /`web`: a process type/);
    assert.match(describeKey(['run', 'worker'], 'image') ?? '', /image built for another process type/);
    assert.equal(describeKey([], 'nonsense'), undefined);
  });
  it('offers the keys allowed at a path, minus those present', () => {
    assert.deepEqual(keysAt([]).map((k) => k.name), ['setup', 'build', 'release', 'run']);
    assert.deepEqual(keysAt([], ['build', 'run']).map((k) => k.name), ['setup', 'release']);
    assert.deepEqual(keysAt(['build']).map((k) => k.name), ['docker', 'config']);
    assert.deepEqual(keysAt(['setup', 'addons']).map((k) => k.name), ['plan', 'as']);
    assert.deepEqual(keysAt(['run', 'web']).map((k) => k.name), ['command', 'image']);
    assert.ok(keysAt([]).every((k) => k.description.length > 10));
  });
  it('never throws for any text and position', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), fc.nat(10), fc.nat(40), (text, line, ch) => {
      const ctx = yamlContextAt(text, line, ch);
      if (ctx.key) describeKey(ctx.path, ctx.key);
      keysAt(ctx.path);
    }), { numRuns: 500 });
  });
});

describe('herokuyml: sibling keys', () => {
  it('lists the keys of the block around a line, at its indent only', () => {
    assert.deepEqual(siblingKeys(TEXT, 7, 2), ['docker']);
    assert.deepEqual(siblingKeys(TEXT, 7, 0).sort(), ['build', 'run', 'setup']);
  });
});
