// The explorer's command stubs (src/vscode/explorer/ids.ts, registered while dist/explorer.js loads after
// activation) must name exactly the commands the explorer's sources register. Reads the sources as text: a unit
// test may not load vscode.
import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLORER_COMMANDS } from '../../../src/vscode/explorer/ids';

describe('explorer command ids', () => {
  it('lists every command the explorer registers, and nothing else', () => {
    const dir = join(__dirname, '..', '..', '..', 'src', 'vscode', 'explorer');
    const registered = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\breg(?:ister)?\(\s*'(heroku\.[\w.]+)'/g)) registered.add(m[1]);
    }
    assert.ok(registered.size >= 20, `found only ${registered.size} registrations: the pattern no longer matches the sources`);
    assert.deepStrictEqual([...EXPLORER_COMMANDS].sort(), [...registered].sort());
    assert.strictEqual(new Set(EXPLORER_COMMANDS).size, EXPLORER_COMMANDS.length, 'no duplicates');
  });
});
