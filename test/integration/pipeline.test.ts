// The pipelines feature in the real extension host against the fake Heroku: the view lists the demo pipeline,
// the diagram opens and the page draws it, a promotion changes the fake's state and the diagram follows, a
// failed target shows Heroku's message, the timeline streams release-phase output that starts late and comes
// slowly, rollback creates a release, and dropped or slow requests leave a diagram with a retry.
// Requests the page would send go through the test hook heroku.pipeline.testState({method, params}).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { PipelineDiagram, ReleaseTimeline } from '../../src/shared/pipeline-model';
import type { Outcome, PromotionState } from '../../src/shared/pipeline-protocol';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { useExtension } from './extension';


interface TestState {
  pipelines: { query: string; seq: number; rendered?: { seq: number; cards: number }; promotions: PromotionState[]; diagram?: PipelineDiagram; complete: boolean }[];
  releases: { app: string; seq: number; rendered?: { seq: number; cards: number }; timeline?: ReleaseTimeline }[];
  outputs: Record<string, string>;
}

const state = async (): Promise<TestState> => (await vscode.commands.executeCommand<TestState>('heroku.pipeline.testState'))!;
const ask = async (method: string, params: unknown, app?: string): Promise<Outcome<unknown>> =>
  (await vscode.commands.executeCommand<Outcome<unknown>>('heroku.pipeline.testState', { method, params, app }))!;
/** Two-factor prompts (acme-web-production needs it) take the demo code after the confirmation's answer. */
const confirmThen2fa = (answer: string) => [answer, '424242'];

/** The diagram once the page has drawn the newest model and `ok` holds for it. */
async function drawn(what: string, ok: (d: PipelineDiagram) => boolean, ms = 30_000): Promise<PipelineDiagram> {
  return waitFor(what, async () => {
    const p = (await state()).pipelines[0];
    return p?.diagram && p.complete && p.rendered?.seq === p.seq && ok(p.diagram) ? p.diagram : undefined;
  }, ms);
}
const card = (d: PipelineDiagram, app: string) => d.columns.flatMap((c) => c.cards).find((c) => c.name === app);

describe('pipeline: diagram, promotion, timeline in VS Code', function () {
  this.timeout(120_000);
  // One world for the whole suite: each test builds on what the one before left (the diagram, the timeline).
  const heroku = useFakeHeroku({ resetEach: false });
  const ext = useExtension(heroku);
  const fakeState = () => heroku.control.state();
  afterEach(() => heroku.control.clearFaults());
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the Pipelines view lists acme-web (Cedar) → stages → apps with their current release', async () => {
    const roots = await vscode.commands.executeCommand<{ kind: string; name: string; generation?: string }[]>('heroku.pipelines.getChildren');
    const p = roots?.find((n) => n.name === 'acme-web');
    assert.ok(p, `acme-web among ${JSON.stringify(roots)}`);
    assert.strictEqual(p.generation, 'cedar');
    const stages = await vscode.commands.executeCommand<{ stage: string }[]>('heroku.pipelines.getChildren', p);
    assert.deepStrictEqual(stages?.map((s) => s.stage), ['review', 'development', 'staging', 'production']);
    const prod = await vscode.commands.executeCommand<{ app: string; release?: string }[]>('heroku.pipelines.getChildren', stages?.[3]);
    assert.strictEqual(prod?.[0].app, 'acme-web-production');
    assert.match(prod?.[0].release ?? '', /^v\d+$/);
  });

  it('opens the diagram of the fixture pipeline and the page draws every stage', async () => {
    await vscode.commands.executeCommand('heroku.openPipeline', 'acme-web-staging');
    const d = await drawn('the diagram drawn', (x) => x.columns.length >= 4);
    assert.strictEqual(d.pipeline.name, 'acme-web');
    assert.deepStrictEqual(d.columns.map((c) => c.stage).filter((s) => s !== 'test'), ['review', 'development', 'staging', 'production']);
    assert.ok(card(d, 'acme-web-pr-128'), 'the review app has a card');
    assert.deepStrictEqual(card(d, 'acme-web-staging')?.promote?.targets.map((t) => t.name), ['acme-web-production']);
    const p = (await state()).pipelines[0];
    assert.ok((p.rendered?.cards ?? 0) >= 4, `the page drew ${p.rendered?.cards} cards`);
  });

  it('promotes development → staging after a confirmation naming what changes; the fake changes and the diagram follows', async () => {
    const before = await drawn('the diagram', () => true);
    const dev = card(before, 'acme-web-dev');
    const staging = card(before, 'acme-web-staging');
    assert.ok(dev?.release && staging?.release);
    const ui = ext.ui(confirmThen2fa('Promote'));
    const r = await ask('promote', { appId: dev.appId });
    assert.ok(r.ok, JSON.stringify(r));
    assert.match(ui.modals[0].message, new RegExp(`^Promote acme-web-dev v${dev.release.version}.* to acme-web-staging\\?$`));
    assert.match(ui.modals[0].detail ?? '', new RegExp(`acme-web-staging: v${staging.release.version}`));
    const end = r.value as PromotionState;
    assert.strictEqual(end.done, true);
    assert.strictEqual(end.failed, false, end.text);
    const fs = await fakeState();
    const stagingId = fs.apps.find((a) => a.name === 'acme-web-staging')?.id;
    const newest = fs.releases.filter((x) => x.appId === stagingId).sort((a, b) => b.version - a.version)[0];
    assert.strictEqual(newest.description, `Promote acme-web-dev v${dev.release.version}`);
    const after = await drawn('the staging card shows the promoted release', (x) => card(x, 'acme-web-staging')?.release?.version === newest.version);
    assert.strictEqual(card(after, 'acme-web-staging')?.release?.kind, 'promotion');
    assert.ok((await state()).pipelines[0].promotions.some((s) => s.done && s.sourceAppId === dev.appId), 'the page was sent the promotion\'s progress');
  });

  it('a failed promotion target shows Heroku\'s message', async () => {
    const d = await drawn('the diagram', () => true);
    const staging = card(d, 'acme-web-staging');
    const prod = card(d, 'acme-web-production');
    assert.ok(staging && prod);
    const message = 'Release command failed: rake db:migrate exited with 1';
    await heroku.control.patchState({ promotionFailures: { 'acme-web-production': message } });
    ext.ui(confirmThen2fa('Promote'));
    const r = await ask('promote', { appId: staging.appId });
    assert.ok(r.ok);
    const end = r.value as PromotionState;
    assert.strictEqual(end.failed, true);
    assert.strictEqual(end.targets[0].error, message);
    assert.match(end.text ?? '', /acme-web-production failed: Release command failed: rake db:migrate exited with 1/);
    await heroku.control.patchState({ promotionFailures: {} });
  });

  it('shows review apps with branch and PR, the CI runs, and a failed run\'s output one request away', async () => {
    const d = await drawn('the diagram', () => true);
    const review = d.columns.find((c) => c.stage === 'review')?.cards ?? [];
    assert.deepStrictEqual(review.find((c) => c.name === 'acme-web-pr-128')?.review, { branch: 'feature/invoice-export', prNumber: 128, status: 'created' });
    assert.ok(review.some((c) => c.review?.status === 'errored' && c.review.message), 'the errored review app says why');
    const runs = d.columns.find((c) => c.stage === 'test')?.runs ?? [];
    const failed = runs.find((r) => r.statusClass === 'fail');
    assert.ok(failed, `a failed run among ${runs.map((r) => `#${r.number} ${r.status}`).join(', ')}`);
    const r = await ask('ciOutput', { runId: failed.id });
    assert.ok(r.ok, JSON.stringify(r));
    const out = (await state()).outputs['Heroku CI: acme-web'] ?? '';
    assert.match(out, new RegExp(`CI run #${failed.number}: 1 of 1 node\\(s\\) failed`));
    assert.match(out, /1\) refunds a partial order/);
  });

  it('the timeline streams release-phase output that starts late and comes slowly, and says when a release phase failed', async () => {
    await vscode.commands.executeCommand('heroku.showReleases', 'acme-web-production');
    const t = await waitFor('the timeline drawn', async () => {
      const p = (await state()).releases.find((x) => x.app === 'acme-web-production');
      return p?.timeline && p.rendered?.seq === p.seq ? p.timeline : undefined;
    });
    const withOutput = t.entries.find((e) => e.hasOutput && e.status === 'succeeded');
    const failed = t.entries.find((e) => e.status === 'failed');
    assert.ok(withOutput && failed, 'the demo app has a release with output and a failed one');
    assert.ok(t.entries[0].current);
    // 404 twice (the phase has not started), then the output, slowly.
    await heroku.control.addFaults({ method: 'GET', path: `/__output/releases/${withOutput.id}`, status: 404, times: 2 },
      { method: 'GET', path: `/__output/releases/${withOutput.id}`, delayMs: 800, times: 1 });
    const r = await ask('releaseOutput', { app: 'acme-web-production', releaseId: withOutput.id }, 'acme-web-production');
    assert.ok(r.ok, JSON.stringify(r));
    const out = (await state()).outputs['Heroku Release Output: acme-web-production'] ?? '';
    assert.match(out, /Waiting for the release phase to start/);
    assert.match(out, new RegExp(`=== v${withOutput.version} succeeded\\.`));
    const seen = await heroku.control.requests();
    assert.ok(seen.filter((x) => x.path === `/__output/releases/${withOutput.id}` && x.status === 404).length >= 2, 'it retried the 404s');
    const f = await ask('releaseOutput', { app: 'acme-web-production', releaseId: failed.id }, 'acme-web-production');
    assert.ok(f.ok);
    assert.match((await state()).outputs['Heroku Release Output: acme-web-production'] ?? '', new RegExp(`v${failed.version} FAILED`));
  });

  it('rolls back after a confirmation naming the release, its commit and that add-ons stay; a release is created', async () => {
    const t = (await state()).releases.find((x) => x.app === 'acme-web-production')?.timeline;
    const target = t?.entries.find((e) => e.rollback && e.kind === 'deploy');
    assert.ok(target);
    const ui = ext.ui(confirmThen2fa('Roll Back'));
    const r = await ask('rollback', { app: 'acme-web-production', releaseId: target.id }, 'acme-web-production');
    assert.ok(r.ok && typeof r.value === 'string', JSON.stringify(r));
    assert.match(ui.modals[0].message, new RegExp(`^Roll acme-web-production back to v${target.version} \\(commit [0-9a-f]{7}\\)\\?$`));
    assert.match(ui.modals[0].detail ?? '', /Add-ons are not rolled back/);
    const fs = await fakeState();
    const prodId = fs.apps.find((a) => a.name === 'acme-web-production')?.id;
    const newest = fs.releases.filter((x) => x.appId === prodId).sort((a, b) => b.version - a.version)[0];
    assert.strictEqual(newest.description, `Rollback to v${target.version}`);
    await waitFor('the timeline shows the new release as current', async () => {
      const p = (await state()).releases.find((x) => x.app === 'acme-web-production');
      return p?.timeline?.entries[0]?.version === newest.version && p.timeline.entries[0].current && p.rendered?.seq === p.seq ? true : undefined;
    });
  });

  it('dropped and slow requests: the diagram shows what it read and a retry, and the retry fills it in', async () => {
    await heroku.control.addFaults({ method: 'GET', path: '/pipelines/*/latest-releases', drop: true, times: 20 },
      { method: 'GET', path: '/apps/*/dynos', delayMs: 300 });
    await ask('retry', {});
    const broken = await drawn('a diagram with a failure', (x) => x.failures.some((f) => f.what === 'latest releases'));
    assert.ok(broken.columns.some((c) => c.cards.length > 0), 'the apps are still drawn');
    assert.ok(!card(broken, 'acme-web-staging')?.release, 'without the latest releases no release is shown');
    await heroku.control.clearFaults();
    const r = await ask('retry', { retryKey: broken.failures[0].retryKey });
    assert.ok(r.ok);
    await drawn('the retry filled the releases in', (x) => x.failures.length === 0 && !!card(x, 'acme-web-staging')?.release);
  });
});
