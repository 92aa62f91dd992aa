import * as assert from 'node:assert/strict';
import { readProcfileTypes } from '../../../../src/core/runner/procfile-types';
import { describeSelection, planSelection, runOrder, taskSelection, type Selection } from '../../../../src/core/runner/selection';

const PROCFILE = 'worker: node worker.js\nweb: node server.js\nrelease: node migrate.js\nclock: node clock.js\n';
const types = readProcfileTypes('Procfile', PROCFILE).types;

function plan(selection: Selection, text = PROCFILE) {
  const r = planSelection({ procfile: { file: 'Procfile', text }, envFiles: [{ file: '.env', text: 'GREETING=hi\n' }], processEnv: { PATH: '/bin' } }, selection);
  assert.ok(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('; '));
  return r.plan;
}

describe('core/runner/selection', () => {
  it('runs web first, then the Procfile\'s order, release apart', () => {
    assert.deepEqual(runOrder(types).map((t) => t.name), ['web', 'worker', 'clock']);
    assert.equal(describeSelection(types, undefined), 'web, worker, clock (release first)');
    assert.equal(describeSelection(types, ['clock', 'web']), 'web, clock');
    assert.equal(describeSelection(types, ['release']), 'release');
  });

  it('all: release first, web on the base port, each type 100 above the one before', () => {
    const p = plan(undefined);
    assert.equal(p.release?.name, 'release.1');
    assert.deepEqual(p.processes.map((x) => [x.name, x.port, x.env.GREETING]), [['web.1', 5006, 'hi'], ['worker.1', 5106, 'hi'], ['clock.1', 5206, 'hi']]);
  });

  it('a subset keeps the ports the whole Procfile gives, and has no release unless chosen', () => {
    const p = plan(['clock']);
    assert.equal(p.release, undefined);
    assert.deepEqual(p.processes.map((x) => [x.name, x.port]), [['clock.1', 5206]]);
    const r = plan(['release', 'worker']);
    assert.equal(r.release?.name, 'release.1');
    assert.deepEqual(r.processes.map((x) => x.name), ['worker.1']);
  });

  it('release alone runs only the release phase', () => {
    const p = plan(['release']);
    assert.equal(p.release?.name, 'release.1');
    assert.deepEqual(p.processes, []);
  });

  it('a type not chosen that cannot run does not stop the chosen ones', () => {
    const p = plan(['web'], 'web: node server.js\nbroken:\n');
    assert.deepEqual(p.processes.map((x) => x.name), ['web.1']);
  });

  it('an unknown type is an error that names what the Procfile has', () => {
    const r = planSelection({ procfile: { file: 'Procfile', text: PROCFILE }, envFiles: [], processEnv: {} }, ['wbe']);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.errors[0].message, /no process type `wbe`.*did you mean `web`/);
  });

  it('a heroku task: one type or all; release first by default only for all, or as its release flag says', () => {
    assert.equal(taskSelection({}, types), undefined);
    assert.deepEqual(taskSelection({ process: 'web' }, types), ['web']);
    assert.deepEqual(taskSelection({ process: 'web', release: true }, types), ['release', 'web']);
    assert.deepEqual(taskSelection({ release: false }, types), ['web', 'worker', 'clock']);
    assert.equal(taskSelection({ release: true }, types), undefined);
    assert.deepEqual(taskSelection({ process: 'web', release: false }, types), ['web']);
    assert.equal(taskSelection({ process: 7, release: 'yes' }, types), undefined, 'values of other types are ignored');
    const withRelease = plan(taskSelection({ process: 'web', release: true }, types));
    assert.deepEqual([withRelease.release?.name, withRelease.processes.map((x) => x.name)], ['release.1', ['web.1']]);
    assert.equal(plan(taskSelection({ release: false }, types)).release, undefined);
  });
});
