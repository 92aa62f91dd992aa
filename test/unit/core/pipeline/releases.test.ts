import assert from 'node:assert/strict';
import fc from 'fast-check';
import { releaseKind } from '../../../../src/core/pipeline/release-kind';
import { buildTimeline, rollbackConfirmation } from '../../../../src/core/pipeline/timeline';
import { diagramText, safe, timelineText } from '../../../../src/core/pipeline/text';
import { err, fail, ok, rel } from './helpers';

describe('core/pipeline release kinds and timeline', () => {
  it('reads the kind of change from Heroku\'s descriptions', () => {
    const cases: [string, string, string?][] = [
      ['Deploy 1a2b3c4', 'deploy', '1a2b3c4'],
      ['Deploy de63889c20a96347679af2c5160c390727fa6749', 'deploy', 'de63889c20a96347679af2c5160c390727fa6749'],
      ['Deploy', 'deploy'],
      ['Set STRIPE_KEY, FOO config vars', 'config'],
      ['Remove FOO config vars', 'config'],
      ['Set A config vars and Remove C config vars', 'config'],
      ['Attach DATABASE (@ref:postgresql-cubed-10587)', 'addon'],
      ['Detach REDIS (@ref:redis-shaped-24601)', 'addon'],
      ['Add heroku-postgresql:essential-0 add-on', 'addon'],
      ['Rollback to v41', 'rollback', 'v41'],
      ['Promote acme-web-staging v16', 'promotion', 'acme-web-staging v16'],
      ['Initial release', 'initial'],
      ['Enable Logplex', 'other'],
      ['', 'other'],
    ];
    for (const [text, kind, ref] of cases) {
      const k = releaseKind(text);
      assert.equal(k.kind, kind, text);
      assert.equal(k.ref, ref, text);
    }
    assert.deepEqual(releaseKind(undefined), { kind: 'other' });
    fc.assert(fc.property(fc.string(), (s) => typeof releaseKind(s).kind === 'string'));
  });

  it('builds the timeline newest first with current marker, rollback eligibility and output', () => {
    const t = buildTimeline('shop', ok([
      rel('a', 'shop', 40, 'Deploy 1111111', { status: 'failed', current: false, output_stream_url: 'http://x/out' }),
      rel('a', 'shop', 42, 'Deploy 2222222', { current: true, output_stream_url: 'http://x/42' }),
      rel('a', 'shop', 41, 'Set A config vars', { current: false }),
      rel('a', 'shop', 39, 'Rollback to v37', { current: false, eligible_for_rollback: false }),
      rel('a', 'shop', 38, 'Deploy 3333333', { current: false, status: 'expired' }),
      { junk: true },
    ]) as never);
    assert.deepEqual(t.entries.map((e) => [e.version, e.current, e.rollback, e.hasOutput, e.kind]), [
      [42, true, false, true, 'deploy'], [41, false, true, false, 'config'], [40, false, false, true, 'deploy'],
      [39, false, false, false, 'rollback'], [38, false, false, false, 'deploy'],
    ]);
    const failed = buildTimeline('shop', fail(err(403, 'You do not have access to the app shop.', 'forbidden')));
    assert.deepEqual([failed.entries.length, failed.failures[0].retryKey], [0, 'all']);
    assert.match(failed.failures[0].message, /do not have access/);
  });

  it('the rollback confirmation names the release, its commit, and that add-ons are not rolled back', () => {
    const [e] = buildTimeline('shop', ok([rel('a', 'shop', 41, 'Deploy 1a2b3c4', { current: false })]) as never).entries;
    const c = rollbackConfirmation('shop', e, '1a2b3c4');
    assert.equal(c.message, 'Roll shop back to v41 (commit 1a2b3c4)?');
    assert.match(c.detail, /Deploy 1a2b3c4/);
    assert.match(c.detail, /config vars of v41/);
    assert.match(c.detail, /Add-ons are not rolled back/);
  });

  it('prints text with no control characters from the API', () => {
    assert.equal(safe('a\u001b[31mred\u0007\u009b'), 'a?[31mred??');
    const t = buildTimeline('shop', ok([rel('a', 'shop', 2, 'Deploy \u001b[2J', { current: true })]) as never);
    assert.ok(!timelineText(t).includes(String.fromCharCode(27)));
    assert.match(timelineText(t), /v2 {2}succeeded deploy/);
    const d = diagramText({ pipeline: { id: 'p', name: 'p\u001b' }, failures: [], partial: false, columns: [
      { stage: 'staging', title: 'Staging', failures: [{ what: 'x', message: 'm\u0000', retryKey: 'lists' }], cards: [{ appId: 'a', name: 'a\u001b]8;;', stage: 'staging', failures: [] }] },
    ] });
    assert.ok(![0, 27].some((c) => d.includes(String.fromCharCode(c))));
    assert.match(d, /could not read x: m\?/);
  });
});
