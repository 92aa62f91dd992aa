// Until the composition root has started, src/extension.ts stubs every contributed command plus INTERNAL_COMMANDS,
// and the composition root stubs EXPLORER_COMMANDS while dist/explorer.js loads. Both lists must name exactly
// what the sources register. Reads the sources as text: a unit test may not load vscode.
import * as assert from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLORER_COMMANDS } from '../../../src/vscode/explorer/ids';
import { INTERNAL_COMMANDS } from '../../../src/vscode/internal-commands';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/** Ids passed to a register call, as a literal or as a constant declared in src/vscode. */
function registered(files: string[]): Set<string> {
  const ids = new Set<string>();
  const constants = new Map(sources(join(root, 'src', 'vscode')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\bconst ([A-Z_]+) = '(heroku\.[\w.]+)'/g)].map((m): [string, string] => [m[1], m[2]])));
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\breg(?:ister)?\(\s*(?:'(heroku\.[\w.]+)'|([A-Z_]+)\b)/g)) {
      const id = m[1] ?? constants.get(m[2]);
      if (id) ids.add(id);
    }
  }
  return ids;
}

describe('command ids', () => {
  it('EXPLORER_COMMANDS lists every command the explorer registers, and nothing else', () => {
    const found = registered(sources(join(root, 'src', 'vscode', 'explorer')));
    assert.ok(found.size >= 20, `found only ${found.size} registrations: the pattern no longer matches the sources`);
    assert.deepStrictEqual([...EXPLORER_COMMANDS].sort(), [...found].sort());
    assert.strictEqual(new Set(EXPLORER_COMMANDS).size, EXPLORER_COMMANDS.length, 'no duplicates');
  });

  it('the entry stubs every registered command: contributed in package.json, or listed in INTERNAL_COMMANDS', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    const found = registered(sources(join(root, 'src', 'vscode')));
    assert.ok(found.size >= 30, `found only ${found.size} registrations`);
    const internal = [...found].filter((id) => !contributed.has(id)).sort();
    assert.deepStrictEqual([...INTERNAL_COMMANDS].sort(), internal);
    const unregistered = [...contributed].filter((id) => !found.has(id));
    assert.deepStrictEqual(unregistered, [], 'every contributed command is registered by some feature');
  });
});
