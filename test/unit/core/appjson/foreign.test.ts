import * as assert from 'node:assert/strict';
import { detectForeign } from '../../../../src/core/appjson/foreign';
import { lint } from './helpers';

describe('appjson: files that are not Heroku\'s', () => {
  it('gives a WeChat mini-program no diagnostics, even with syntax errors', () => {
    assert.deepEqual(lint('{"pages": ["pages/index/index"], "window": {"navigationBarTitleText": "x"},}'), []);
    assert.equal(detectForeign({ pages: [], window: {} }).reason, 'a WeChat mini-program');
  });
  it('gives an AL project no diagnostics although it shares name, description and logo', () => {
    const al = { id: 'x', name: 'A very long Business Central extension name', publisher: 'P', logo: '', idRanges: [{ from: 1, to: 2 }] };
    assert.deepEqual(lint(JSON.stringify(al)), []);
    assert.equal(detectForeign(al).reason, 'an AL (Business Central) project');
  });
  it('treats React Native and Expo app.json as foreign', () => {
    assert.equal(detectForeign({ name: 'App', displayName: 'App' }).reason, 'a React Native app');
    assert.equal(detectForeign({ expo: { name: 'x' } }).reason, 'an Expo app');
  });
  it('needs a marker of another format: unknown keys alone make a Heroku manifest with unknown keys', () => {
    assert.equal(detectForeign({ name: 'x', cron: [] }).foreign, false);
    assert.deepEqual(lint('{"name": "x", "cron": []}').map((p) => p.code), ['appjson/unknown-key']);
  });
  it('does not let the key being typed make a file foreign', () => {
    assert.equal(detectForeign({ '': null }).foreign, false);
    assert.equal(detectForeign({ name: 'x', sc: null }).foreign, false);
  });
  it('treats a file with any Heroku-only key as Heroku\'s, even with foreign keys', () => {
    assert.equal(detectForeign({ pages: [], env: {} }).foreign, false);
    assert.notDeepEqual(lint('{"pages": [], "env": {"A": 1}}'), []);
  });
  it('treats documented keys alone, and an empty object, as Heroku\'s', () => {
    assert.equal(detectForeign({ name: 'x', description: 'y' }).foreign, false);
    assert.equal(detectForeign({}).foreign, false);
  });
  it('treats a non-object top level as foreign', () => {
    assert.equal(detectForeign([1]).foreign, true);
    assert.deepEqual(lint('[1, 2]'), []);
  });
});

describe('appjson: misspelt Heroku keys are not foreign', () => {
  it('treats "addon" or "enviroments" as a Heroku manifest with a typo', () => {
    assert.equal(detectForeign({ name: 'x', addon: ['a'] }).foreign, false);
    assert.equal(detectForeign({ enviroments: {} }).foreign, false);
    assert.equal(detectForeign({ name: 'x', pages: [] }).foreign, true);
  });
});
