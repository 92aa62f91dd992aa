// The Procfile CodeLens text from a decoded formation: one lens per declaration, honest about missing types.
import { strict as assert } from 'node:assert';
import { formationItems, formationLenses } from '../../../../src/core/procfile/lens';
import { parseProcfile } from '../../../../src/core/procfile/parser';
import type { Formation } from '../../../../src/core/heroku/types';

const doc = parseProcfile('web: npm start\n# workers\nworker: node w.js\nWorker_High: node urgent.js\nrelease: node migrate.js\nempty:\n');
const answer: Formation[] = [
  { type: 'web', quantity: 2, size: 'Standard-1X', dyno_size: { id: 'x', name: 'Standard-1X' } },
  { type: 'worker', quantity: 0, size: 'Basic' },
  { type: 'worker-high', quantity: 1, size: 'basic', dyno_size: { id: 'y', name: 'Performance-M' } },
];

describe('procfile formation lens', () => {
  it('says quantity × size on the app for each declared type, and "not scaled" for a type the app lacks', () => {
    const lenses = formationLenses(doc, 'dana-blog', answer);
    assert.deepEqual(lenses.map((l) => [l.line, l.title, l.scaleType]), [
      [0, 'web: 2 × Standard-1X on dana-blog', 'web'],
      [2, 'worker: 0 × Basic on dana-blog', 'worker'],
      [3, 'Worker_High: 1 × Performance-M on dana-blog (as worker-high)', 'worker-high'],
      [4, 'release: not scaled on dana-blog', undefined],
    ]);
    assert.match(lenses[3].tooltip, /once this Procfile is deployed/);
  });

  it('leaves out entries without a size, and says "not scaled" when the app has no formation', () => {
    assert.deepEqual(formationItems([{ type: 'web', quantity: 2 }, { type: 'web', quantity: 1, size: 'eco' }]), [{ type: 'web', quantity: 1, size: 'eco' }]);
    assert.deepEqual(formationLenses(parseProcfile('web: x\n'), 'a', []).map((l) => l.title), ['web: not scaled on a']);
  });
});
