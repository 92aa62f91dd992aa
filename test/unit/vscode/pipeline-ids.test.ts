// PIPELINE_COMMANDS (stubbed by the composition root while dist/pipeline.js loads) must name exactly the commands
// src/vscode/pipeline registers. Reads the sources as text: a unit test may not load vscode.
import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINE_COMMANDS } from '../../../src/vscode/pipeline/command-ids';

describe('pipeline command ids', () => {
  it('PIPELINE_COMMANDS lists every command the pipelines feature registers, and nothing else', () => {
    const dir = join(__dirname, '..', '..', '..', 'src', 'vscode', 'pipeline');
    const found = new Set(readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/\bregister\(\s*'(heroku\.[\w.]+)'/g)].map((m) => m[1])));
    assert.ok(found.size >= 5, `found only ${found.size}`);
    assert.deepStrictEqual([...PIPELINE_COMMANDS].sort(), [...found].sort());
  });
});
