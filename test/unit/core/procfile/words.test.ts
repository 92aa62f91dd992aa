import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { listenFacts } from '../../../../src/core/procfile/listen';
import { simpleCommands } from '../../../../src/core/procfile/words';

const values = (cmd: string) => simpleCommands(cmd).map((c) => c.map((w) => w.value));

describe('procfile: a command split into simple commands and words', () => {
  it('splits at ; && || | & and parentheses, and drops redirections', () => {
    assert.deepEqual(values('a 1 && b 2; c | d & e || (f)'), [['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f']]);
    assert.deepEqual(values('node x.js > log.txt 2>&1 < in'), [['node', 'x.js']]);
  });

  it('removes quotes and backslashes and keeps expansions whole', () => {
    assert.deepEqual(values(`gunicorn --bind "0.0.0.0:$PORT" 'a b' c\\ d "$(echo "x y")" \${A:-"1 2"} \`w x\``), [
      ['gunicorn', '--bind', '0.0.0.0:$PORT', 'a b', 'c d', '$(echo "x y")', '${A:-"1 2"}', '`w x`'],
    ]);
  });

  it('keeps the offset in the command of each character', () => {
    const cmd = `x --port "30"00`;
    const [[, , port]] = simpleCommands(cmd);
    assert.equal(port.value, '3000');
    assert.deepEqual(port.at, [10, 11, 13, 14]);
    assert.deepEqual([port.start, port.end], [9, 15]);
  });

  it('stops at a comment and survives unclosed quotes', () => {
    assert.deepEqual(values('a b # c d'), [['a', 'b']]);
    assert.deepEqual(values('a "b c'), [['a', 'b c']]);
    assert.deepEqual(values("a 'b"), [['a', 'b']]);
  });

  it('never throws; every port found is digits inside the command (property)', () => {
    const piece = fc.constantFrom('web', ' ', '-p', '--port', '=', '3000', ':', '0.0.0.0', '"', "'", '\\', '$(', ')', '${', '}', '`', '&&', '|', ';', '>', '2>&1', 'sh -c ', 'bin/start-nginx ', 'python -m http.server ', 'runserver', 'PORT=', 'localhost', '#', '\t');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => xs.join('')), (cmd) => {
      simpleCommands(cmd);
      const f = listenFacts(cmd);
      for (const p of f.fixedPorts) {
        assert.match(p.text, /^\d{2,5}$/);
        assert.ok(p.from >= 0 && p.from < p.to && p.to <= cmd.length, `${cmd}: ${JSON.stringify(p)}`);
      }
    }), { numRuns: 2000 });
  });
});
