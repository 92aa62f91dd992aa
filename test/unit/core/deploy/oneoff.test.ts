import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  commandWithExitStatus, ExitStatusFilter, isFir, parseAttachUrl, rememberCommand, suggestedCommands,
} from '../../../../src/core/deploy/oneoff';

const MARK = '\uFFFF heroku-command-exit-status:';

function run(chunks: string[]): { out: string; status: number | undefined } {
  const f = new ExitStatusFilter();
  let out = chunks.map((c) => f.push(c)).join('');
  out += f.flush();
  return { out, status: f.exitStatus };
}

describe('core/deploy/oneoff', () => {
  it('appends the CLI exit-status echo with a space before the semicolon', () => {
    assert.equal(commandWithExitStatus('rails db:migrate'), `rails db:migrate ; echo "${MARK} $?"`);
  });

  it('takes the exit-status line out of the output and reads the status', () => {
    const r = run([`\u001b[32mhi\u001b[0m\r\n${MARK} 3\r\n`]);
    assert.equal(r.out, '\u001b[32mhi\u001b[0m\r\n');
    assert.equal(r.status, 3);
  });

  it('gives the same output and status however the stream is split (property)', () => {
    const body = fc.array(fc.constantFrom('a', 'b', '\r\n', '\n', '\u001b[1m', 'é', '\uFFFF', ' ', '1', ':'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(body, fc.integer({ min: 0, max: 255 }), fc.array(fc.nat(), { maxLength: 6 }), (text, code, cuts) => {
      const full = `${text}\r\n${MARK} ${code}\r\n`;
      const points = [...new Set(cuts.map((c) => c % (full.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let prev = 0;
      for (const p of points) { chunks.push(full.slice(prev, p)); prev = p; }
      chunks.push(full.slice(prev));
      const whole = run([full]);
      const split = run(chunks);
      assert.equal(split.out, whole.out);
      assert.equal(split.status, code);
      assert.equal(whole.out, `${text}\r\n`);
    }));
  });

  it('passes a lone U+FFFF through and keeps a marker without its newline until the end', () => {
    assert.deepEqual(run(['a\uFFFFb']), { out: 'a\uFFFFb', status: undefined });
    assert.deepEqual(run([`x\r\n${MARK} 0`]), { out: 'x\r\n', status: 0 });
  });

  it('parses rendezvous attach URLs and refuses other shapes', () => {
    assert.deepEqual(parseAttachUrl('rendezvous://rendezvous.runtime.heroku.com:5000/abc123'), { host: 'rendezvous.runtime.heroku.com', port: 5000, secret: 'abc123' });
    assert.deepEqual(parseAttachUrl('rendezvous://127.0.0.1:40001/s3cr3t'), { host: '127.0.0.1', port: 40001, secret: 's3cr3t' });
    assert.equal(parseAttachUrl('https://ssh.example.com/x'), undefined);
    assert.equal(parseAttachUrl('rendezvous://host:99999/x'), undefined);
    assert.equal(parseAttachUrl(null), undefined);
  });

  it('knows Fir apps in both schema variants', () => {
    assert.equal(isFir({ generation: 'fir' }), true);
    assert.equal(isFir({ generation: { name: 'fir' } }), true);
    assert.equal(isFir({ generation: { name: 'cedar' } }), false);
    assert.equal(isFir({}), false);
  });

  it('offers commands for the detected stack and remembers recent ones newest first', () => {
    assert.deepEqual(suggestedCommands({ buildpackDescription: 'Ruby/Rails' }), ['bash', 'rails console']);
    assert.deepEqual(suggestedCommands({ files: ['manage.py', 'requirements.txt'] }), ['bash', 'python manage.py shell']);
    assert.deepEqual(suggestedCommands({ buildpackDescription: 'Node.js', processTypes: ['web', 'worker'] }), ['bash', 'node', 'worker']);
    assert.deepEqual(rememberCommand(['a', 'b', 'c'], 'b', 3), ['b', 'a', 'c']);
    assert.deepEqual(rememberCommand(['a', 'b', 'c'], 'd', 3), ['d', 'a', 'b']);
  });
});
