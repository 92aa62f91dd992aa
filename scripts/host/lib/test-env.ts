// What both integration runners (code-server, electron) prepare: the fake Heroku, a workspace copy
// with a `heroku` remote, and the extension host's environment. Never HEROKU_API_KEY: the sign-in
// tests control the token sources themselves.
import { listApps, startFake, type FakeHeroku } from './fake';
import { makeWorkspace, pickApp } from './workspace';

export interface TestSetup {
  fake: FakeHeroku | undefined;
  app: string | undefined;
  workspace: string;
  env: Record<string, string | undefined>;
}

export async function prepareTestRun(tmpDir: string, log: (s: string) => void,
  track: (fake: FakeHeroku) => void): Promise<TestSetup> {
  const fake = await startFake({ seed: 'demo', log });
  if (fake) track(fake);
  const app = fake ? pickApp(await listApps(fake)) : undefined;
  const workspace = makeWorkspace(tmpDir, app);
  const env: Record<string, string | undefined> = {
    HW_TEST_WORKSPACE: workspace,
    HW_TEST_GREP: process.env.HW_TEST_GREP,
    HW_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
    HW_TEST_APP: app,
    HW_TEST_TIMEOUT: process.env.HW_TEST_TIMEOUT,
    HEROKU_API_KEY: undefined,
  };
  if (fake) Object.assign(env, { HEROKU_API_URL: fake.url, HW_FAKE_HEROKU_URL: fake.url, HW_FAKE_HEROKU_KEY: fake.apiKey });
  return { fake, app, workspace, env };
}
