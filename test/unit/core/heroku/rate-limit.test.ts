import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { lowRateLimitMessage, LOW_RATE_LIMIT, RateLimitWatch, RECOVERED_RATE_LIMIT } from '../../../../src/core/heroku/rate-limit';

describe('RateLimitWatch: a low API budget, once per drop', () => {
  it('says low once when the budget drops below the threshold, not on every later answer', () => {
    const w = new RateLimitWatch();
    assert.deepEqual([4500, 1200, LOW_RATE_LIMIT].map((n) => w.note(n)), [undefined, undefined, undefined]);
    assert.equal(w.note(LOW_RATE_LIMIT - 1), 'low');
    assert.equal(w.isLow, true);
    assert.deepEqual([250, 200, 0, 120].map((n) => w.note(n)), [undefined, undefined, undefined, undefined]);
  });

  it('stays low while the budget bounces around the threshold, recovers well above it, then warns again', () => {
    const w = new RateLimitWatch();
    assert.equal(w.note(280), 'low');
    assert.deepEqual([310, 290, 450, RECOVERED_RATE_LIMIT - 1].map((n) => w.note(n)), [undefined, undefined, undefined, undefined]);
    assert.equal(w.note(RECOVERED_RATE_LIMIT), 'recovered');
    assert.equal(w.isLow, false);
    assert.equal(w.note(4000), undefined);
    assert.equal(w.note(100), 'low', 'a new drop warns again');
  });

  it('ignores values that are not numbers and takes its own thresholds', () => {
    const w = new RateLimitWatch(10, 20);
    assert.equal(w.note(Number.NaN), undefined);
    assert.equal(w.note(15), undefined);
    assert.equal(w.note(9), 'low');
    assert.equal(w.note(19), undefined);
    assert.equal(w.note(25), 'recovered');
  });

  it('words the warning with the numbers, never below zero', () => {
    assert.match(lowRateLimitMessage(250), /250 of 4,500 requests left/);
    assert.match(lowRateLimitMessage(-3), /\b0 of 4,500/);
  });

  describe('fed by the client from the fake Heroku', () => {
    const heroku = useFakeHeroku();
  
    it('turns RateLimit-Remaining of real answers into one low and one recovered event', async () => {
      const { client } = heroku.client();
      const w = new RateLimitWatch();
      const events: string[] = [];
      client.onRateLimit((n) => { const e = w.note(n); if (e) events.push(`${e}@${n}`); });
      heroku.fake.state.rateLimitRemaining = LOW_RATE_LIMIT + 2;
      for (let i = 0; i < 5; i++) assert.ok((await client.account({ cache: false })).ok);
      assert.deepEqual(events, [`low@${LOW_RATE_LIMIT - 1}`]);
      heroku.fake.state.rateLimitRemaining = 4000;
      await client.account({ cache: false });
      await client.account({ cache: false });
      assert.deepEqual(events, [`low@${LOW_RATE_LIMIT - 1}`, 'recovered@3999']);
      heroku.fake.state.rateLimitRemaining = 100;
      await client.account({ cache: false });
      assert.deepEqual(events.at(-1), 'low@99');
    });
  });
});
