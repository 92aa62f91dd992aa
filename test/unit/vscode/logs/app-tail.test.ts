// The logs feature's AppTail in plain Node (it imports no vscode): the extension's LogTailer against the fake
// Heroku's logplex, its text collected where the output channel would get it.
import assert from 'node:assert/strict';
import type { ApiProvider } from '../../../../src/core/heroku/api';
import { createLogTailer } from '../../../../src/infra/logstream/tailer';
import { AppTail } from '../../../../src/vscode/logs/app-tail';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { waitFor, waitUntil } from '../../../support/wait';

const APP = 'acme-web-production';

describe('vscode/logs: an app tail writing its channel', () => {
  const heroku = useFakeHeroku({ logIntervalMs: 20 });

  function tail(getApi: ApiProvider = () => heroku.client().client) {
    const appends: string[] = [];
    const statuses: string[] = [];
    const t = new AppTail({
      app: APP, tailer: createLogTailer(getApi, 'test'), sink: { append: (s) => appends.push(s) },
      timeOfDay: () => '12:00:00', now: () => Date.now(), onChange: (x) => statuses.push(x.status), onError: (e) => { throw e; },
    });
    return { t, appends, statuses, text: () => appends.join('') };
  }

  it('a header, then whole lines in batches (one append each, each ending in a newline)', async () => {
    const { t, appends, text } = tail();
    t.start({});
    await waitUntil('live lines', () => t.status === 'live' && t.written >= 20);
    assert.equal(appends[0], `— Heroku logs for ${APP} · all lines · since 12:00:00 —\n`);
    assert.ok(appends.every((a) => a.endsWith('\n')));
    assert.ok(appends.length < t.written, 'lines are batched');
    assert.match(text(), /heroku\[router\]: at=/);
    const live = t.figures();
    assert.equal(live.state, 'live');
    assert.ok(live.received >= t.written && live.received >= 20, `received ${live.received}`);
    assert.ok(live.perSecond > 0, 'lines are arriving');
    t.stop('done');
    await t.done;
    assert.deepEqual([t.figures().state, t.figures().perSecond], ['stopped', 0]);
  });

  it('a filter change: a new header, only lines of the new filter after it, no end marker of the old stream', async () => {
    const { t, text } = tail();
    t.start({ dyno: 'web.1' });
    await waitUntil('web.1 lines', () => t.written >= 3);
    t.start({ dyno: 'worker.1' });
    await waitUntil('worker.1 lines', () => t.status === 'live' && t.written >= 3);
    const [before, after] = text().split('— filter changed: dyno worker.1 · since 12:00:00 —\n');
    assert.ok(after !== undefined, text().slice(0, 500));
    assert.doesNotMatch(before, /stream stopped/);
    const lines = (s: string) => s.split('\n').filter((l) => / (app|heroku)\[/.test(l));
    assert.deepEqual(lines(before).filter((l) => !l.includes('[web.1]')), []);
    assert.deepEqual(lines(after).filter((l) => !l.includes('[worker.1]')), []);
    assert.deepEqual(t.filter, { dyno: 'worker.1' });
    t.stop('done');
    await t.done;
  });

  it('stop ends the stream: the reason in the text, the status stopped, no stream left open', async () => {
    const { t, text, statuses } = tail();
    t.start({});
    await waitUntil('live', () => t.status === 'live');
    t.stop('stopped by you');
    await t.done;
    assert.equal(t.status, 'stopped');
    assert.equal(statuses.at(-1), 'stopped');
    assert.ok(text().endsWith('— log stream stopped: stopped by you —\n'));
    await waitUntil('the fake closed the stream', () => heroku.fake.logs.openStreams === 0);
    const n = text().length;
    t.stop('again');
    assert.equal(text().length, n, 'a second stop writes nothing');
  });

  it('signed out: the tail ends at once and says why', async () => {
    const { t, text } = tail(() => undefined);
    t.start({});
    await t.done;
    assert.equal(t.status, 'stopped');
    assert.deepEqual([t.figures().state, t.figures().detail], ['failed', 'not signed in to Heroku']);
    assert.match(await waitFor('the end marker', () => (text().includes('not signed in') ? text() : undefined)), /— log stream stopped: not signed in to Heroku —\n$/);
  });
});
