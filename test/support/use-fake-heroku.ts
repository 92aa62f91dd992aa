// The one fake Heroku fixture for mocha suites, unit and host alike. Call it at the top of a `describe`:
//   const heroku = useFakeHeroku();                 // started before the suite, reset before each test, closed after
//   it('...', async () => { const { client } = heroku.client(); heroku.fake.faults.add(...); });
// In plain Node it starts the fake in this process (`fake` is the live object: state, faults, requests). Inside the
// VS Code host (HW_FAKE_HEROKU_URL set by the runner) the fake runs in the runner's process: the fixture resets it
// over HTTP and `fake` is not available; `control` (the control routes) works in both.
import { startFakeHeroku, type FakeHeroku, type FakeHerokuOptions } from './fake-heroku';
import { FakeControl } from './fake-control';
import { clientFor, type TestClient } from './heroku-client';

export interface FakeHerokuFixture {
  readonly url: string;
  readonly apiKey: string;
  readonly control: FakeControl;
  /** The fake itself (unit tests only: it runs in another process inside the host). */
  readonly fake: FakeHeroku;
  /** A client of the fake with recorded sleeps (./heroku-client.ts). */
  client(opts?: Parameters<typeof clientFor>[1]): TestClient;
}

export interface UseFakeHerokuOptions extends FakeHerokuOptions {
  /** false: keep the state across the suite's tests (default: reset before each). */
  resetEach?: boolean;
}

export function useFakeHeroku(opts: UseFakeHerokuOptions = {}): FakeHerokuFixture {
  let fake: FakeHeroku | undefined;
  let remote: { url: string; apiKey: string } | undefined;
  let control: FakeControl | undefined;
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`useFakeHeroku: ${what} is not available${remote ? ' inside the VS Code host (the fake runs in the runner)' : ' before the suite starts'}`);
    return v;
  };
  before(async () => {
    const url = process.env.HW_FAKE_HEROKU_URL;
    const apiKey = process.env.HW_FAKE_HEROKU_KEY;
    if (url && apiKey) remote = { url, apiKey };
    else fake = await startFakeHeroku(opts);
    const where = ready(remote ?? fake, 'the fake');
    control = new FakeControl(where.url, where.apiKey);
  });
  beforeEach(async () => {
    if (opts.resetEach === false) return;
    // The suite's own seed, not whatever a test before switched to (reset() alone keeps the last one).
    if (fake) fake.reset({ seed: opts.seed ?? 'demo', apps: opts.apps ?? 0 });
    else await control?.reset({ seed: opts.seed, apps: opts.apps });
  });
  after(async () => {
    await fake?.close();
    fake = undefined;
  });
  const fixture: FakeHerokuFixture = {
    get url() { return ready(remote ?? fake, 'the fake').url; },
    get apiKey() { return ready(remote ?? fake, 'the fake').apiKey; },
    get control() { return ready(control, 'control'); },
    get fake() { return ready(fake, 'the in-process fake'); },
    client: (o) => clientFor(ready(remote ?? fake, 'the fake'), o),
  };
  return fixture;
}
