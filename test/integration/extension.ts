// The host tests' fixture for the extension (not a test file: the runner loads *.test.js only). At the top of a
// `describe`, after useFakeHeroku():
//   const ext = useExtension();                  // activated before the suite; app state forgotten before each test
//   it('...', async () => { const ui = ext.ui(['Restart']); await vscode.commands.executeCommand(...); });
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import type { UserInput } from '../../src/vscode/commands';
import type { Services } from '../../src/vscode/services';
import { TestUserInput, type Answer } from '../support/test-user-input';
import type { FakeHerokuFixture } from '../support/use-fake-heroku';
import { waitUntil } from '../support/wait';

export interface ExtensionFixture {
  readonly services: Services;
  /** Answers this test's prompts (restored after it). */
  ui(answers?: readonly Answer[]): TestUserInput;
  /** Signs in with the fake's key unless already signed in. */
  signIn(): Promise<void>;
  /** The app the workspace's `heroku` remote names (the runner picks it). */
  readonly app: string;
}

export function useExtension(heroku: FakeHerokuFixture, o: { signedIn?: boolean } = { signedIn: true }): ExtensionFixture {
  let services: Services | undefined;
  let original: UserInput | undefined;
  const ready = (): Services => {
    assert.ok(services, 'the extension is not activated yet');
    return services;
  };
  const fixture: ExtensionFixture = {
    get services() { return ready(); },
    get app() { return process.env.HW_TEST_APP ?? ''; },
    ui(answers = []) {
      const ui = new TestUserInput(answers);
      ready().commands.ui = ui;
      return ui;
    },
    async signIn() {
      const s = ready();
      if (s.heroku.getClient()) return;
      const out = await s.heroku.signIn(heroku.apiKey);
      assert.ok(out.ok, out.ok ? '' : out.message);
      await waitUntil('signed in', () => s.heroku.getClient() !== undefined);
    },
  };
  before(async () => {
    const api = (await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate()) as { services: Services };
    services = api.services;
    await services.ready; // activate() returns before the token sources are read
    original = services.commands.ui;
    if (o.signedIn) await fixture.signIn();
  });
  // The fake was reset (useFakeHeroku): what the store knows of it is forgotten too.
  beforeEach(() => ready().state.invalidate());
  afterEach(() => { if (services && original) services.commands.ui = original; });
  return fixture;
}
