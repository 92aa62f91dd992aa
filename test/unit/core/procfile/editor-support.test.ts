import { strict as assert } from 'node:assert';
import { formatProcfile } from '../../../../src/core/procfile/format';
import { describeProcessType, displayEnvValue } from '../../../../src/core/procfile/knowledge';
import { suggestCommands } from '../../../../src/core/procfile/stack';
import { applyEdits } from './helpers';

describe('procfile formatter', () => {
  it('normalises spacing around the colon, indentation and trailing spaces; leaves the rest alone', () => {
    const text = '  web :npm start  \r\n# keep   this\nworker:\t\tnode w.js\nnot a declaration\nrelease: ok\n';
    const out = applyEdits(text, formatProcfile(text));
    assert.equal(out, 'web: npm start\r\n# keep   this\nworker: node w.js\nnot a declaration\nrelease: ok\n');
  });
  it('is idempotent and returns no edits for a formatted file', () => {
    const text = 'web: npm start\nworker: node w.js';
    assert.deepEqual(formatProcfile(text), []);
    const messy = 'web:npm start\n';
    const once = applyEdits(messy, formatProcfile(messy));
    assert.deepEqual(formatProcfile(once), []);
  });
});

describe('procfile stack suggestions', () => {
  const files = (m: Record<string, string>) => (n: string) => m[n];
  it('Node: start script', () => {
    const s = suggestCommands(files({ 'package.json': '{"scripts":{"start":"node index.js"}}' }));
    assert.deepEqual(s.map((x) => `${x.processType}: ${x.command}`), ['web: npm start']);
  });
  it('Rails with puma and sidekiq', () => {
    const s = suggestCommands(files({ Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7'\ngem 'puma'\ngem \"sidekiq\"\n" }));
    assert.deepEqual(s.map((x) => x.processType), ['web', 'release', 'worker']);
    assert.equal(s[0].command, 'bundle exec puma -C config/puma.rb');
  });
  it('Django with gunicorn and celery; go.mod; pom.xml; composer.json', () => {
    const py = suggestCommands(files({ 'requirements.txt': 'Django==5.0\ngunicorn==22\ncelery[redis]\n', 'manage.py': '' }));
    assert.deepEqual(py.map((x) => x.processType), ['web', 'release', 'worker']);
    assert.equal(suggestCommands(files({ 'go.mod': 'module github.com/acme/api\n\ngo 1.22\n' }))[0].command, 'bin/api');
    assert.match(suggestCommands(files({ 'pom.xml': '<artifactId>spring-boot-starter-web</artifactId>' }))[0].command, /-Dserver\.port=\$PORT/);
    assert.equal(suggestCommands(files({ 'composer.json': '{}' })).length, 2);
  });
  it('malformed or missing manifests give no suggestions, not an exception', () => {
    assert.deepEqual(suggestCommands(files({ 'package.json': '{not json', 'go.mod': 'nothing' })), []);
    assert.deepEqual(suggestCommands(() => undefined), []);
  });
});

describe('procfile knowledge', () => {
  it('describes web and custom types', () => {
    assert.match(describeProcessType('web'), /HTTP/);
    assert.match(describeProcessType('mailer'), /ps:scale mailer=1/);
  });
  it('masks .env values unless harmless', () => {
    assert.equal(displayEnvValue('PORT', '5000'), '5000');
    assert.equal(displayEnvValue('DEBUG', 'true'), 'true');
    const masked = displayEnvValue('SECRET_KEY', 'hunter2hunter2');
    assert.ok(!masked.includes('hunter2'));
    assert.match(masked, /14 characters, masked/);
  });
});
