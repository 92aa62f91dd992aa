import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filterOf, hasFilter, sameFilter, tailTargetOf } from '../../../../src/core/logs/target';

const target = (arg: unknown) => {
  const r = tailTargetOf(arg);
  assert.ok(r.ok, !r.ok ? r.error : '');
  return r.target;
};

describe('core/logs: what Tail Logs was asked to tail', () => {
  it('an app name, trimmed; nothing or an empty name asks', () => {
    assert.deepEqual(target(' acme-web '), { app: 'acme-web' });
    assert.deepEqual(target(''), {});
    assert.deepEqual(target(undefined), {});
    assert.deepEqual(target(42), {});
  });

  it('explorer nodes: an app, a dyno (its name), a formation row (its process type)', () => {
    assert.deepEqual(target({ id: 'a/acme', kind: 'app', app: 'acme', ref: 'ignored' }), { app: 'acme' });
    assert.deepEqual(target({ id: 'a/acme/dynos/web.1', kind: 'dyno', app: 'acme', ref: 'web.1' }), { app: 'acme', dyno: 'web.1' });
    assert.deepEqual(target({ id: 'a/acme/formation/worker', kind: 'formation', app: 'acme', ref: 'worker' }), { app: 'acme', type: 'worker' });
  });

  it('{ app, dyno?, type?, source? } as Run Detached and tests pass it; other fields and types are ignored', () => {
    assert.deepEqual(target({ app: 'acme', dyno: 'run.4821' }), { app: 'acme', dyno: 'run.4821', type: undefined, source: undefined });
    assert.deepEqual(filterOf(target({ app: 'acme', type: 'web', source: 'app', dyno: 7, extra: 'x' })), { type: 'web', source: 'app' });
  });

  it('a filter value that is not a name is an error value, never a throw', () => {
    const r = tailTargetOf({ app: 'acme', dyno: 'web.1; rm -rf /' });
    assert.ok(!r.ok);
    assert.match(r.error, /Not a dyno name/);
    assert.ok(!tailTargetOf({ app: 'acme', source: '\u001b[31mx' }).ok);
    fc.assert(fc.property(fc.anything(), (arg) => {
      const res = tailTargetOf(arg);
      return res.ok ? typeof res.target === 'object' : typeof res.error === 'string';
    }));
  });

  it('compares and tells filters apart, empty fields ignored', () => {
    assert.ok(sameFilter({ dyno: 'web.1', source: '' }, { dyno: 'web.1' }));
    assert.ok(!sameFilter({ dyno: 'web.1' }, { type: 'web' }));
    assert.ok(!hasFilter({ dyno: '', source: undefined }));
    assert.ok(hasFilter({ source: 'heroku' }));
  });
});
