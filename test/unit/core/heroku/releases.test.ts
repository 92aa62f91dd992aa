// Which release runs now, and which ones a rollback may go back to.
import assert from 'node:assert/strict';
import { currentRelease, rollbackCandidates } from '../../../../src/core/heroku/releases';
import type { Release } from '../../../../src/core/heroku/types';

const r = (version: number, status: Release['status'], current?: boolean): Release => ({ id: `r${version}`, version, status, ...(current === undefined ? {} : { current }) });

describe('core/heroku/releases', () => {
  it('the current release is the one marked, else the newest succeeded one', () => {
    assert.equal(currentRelease([r(9, 'failed'), r(8, 'succeeded', true), r(7, 'succeeded')])?.version, 8);
    assert.equal(currentRelease([r(9, 'failed'), r(7, 'succeeded'), r(8, 'succeeded')])?.version, 8);
    assert.equal(currentRelease(undefined), undefined);
  });

  it('rollback candidates: succeeded releases other than the current one, newest first', () => {
    const list = [r(5, 'succeeded'), r(9, 'pending'), r(8, 'succeeded', true), r(7, 'failed'), r(6, 'succeeded'), r(4, 'expired')];
    assert.deepEqual(rollbackCandidates(list).map((x) => x.version), [6, 5]);
    assert.deepEqual(rollbackCandidates([r(3, 'succeeded'), r(2, 'succeeded')]).map((x) => x.version), [2], 'without `current`, the newest succeeded one runs');
  });
});
