// Runs inside the extension host (extensionTestsPath) for bench/pipeline.bench.ts: opens the pipeline diagram
// HW_BENCH_RUNS times (each in a fresh panel) and times, from the command to the page's `rendered` report, the
// first drawing and the complete one (details read); then promotes development -> staging and notes the wall
// time when the page drew the staging apps' new release. It waits on the page's reports through the test hook
// (renderedAfter), never by polling it every few ms: that flooded the workbench and distorted every figure.
// Writes the figures to HW_BENCH_OUT.
const vscode = require('vscode');
const { performance } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const state = () => vscode.commands.executeCommand('heroku.pipeline.testState');

async function until(what, check, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function run() {
  const out = process.env.HW_BENCH_OUT;
  const runs = Number(process.env.HW_BENCH_RUNS || 5);
  const pipeline = { kind: 'pipeline', id: process.env.HW_BENCH_PIPELINE_ID, name: process.env.HW_BENCH_PIPELINE };
  const ext = vscode.extensions.getExtension('heroku-workflows.heroku-workflows');
  const api = await ext.activate();
  const services = api.services;
  await services.ready;
  if (!services.heroku.getClient()) await services.heroku.signIn(process.env.HW_BENCH_KEY);
  const results = [];
  // Run 0 warms up: the host's first webview, and dist/pipeline.js loading; it is reported, not counted.
  for (let i = 0; i <= runs; i++) {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('panels closed', async () => ((await state()).pipelines.length === 0 ? true : undefined));
    await sleep(300);
    const t0 = performance.now();
    await vscode.commands.executeCommand('heroku.openPipeline', pipeline);
    // Waits on the page's reports (no polling: polling the hook every few ms floods the workbench).
    const done = (await vscode.commands.executeCommand('heroku.pipeline.testState', { renderedAfter: 0, complete: true })).pipelines[0];
    const first = done.firstRendered.at - t0;
    const cards = done.diagram.columns.reduce((n, c) => n + c.cards.length, 0);
    const runsShown = done.diagram.columns.reduce((n, c) => n + (c.runs ? c.runs.length : 0), 0);
    const m = done.marks;
    results.push({ created: m.created - t0, ready: m.ready - t0, firstSent: m.firstSent - t0, completeSent: m.completeSent - t0, first, complete: done.rendered.at - t0, drawn: done.rendered.cards, cards, runs: runsShown, stages: done.diagram.columns.map((c) => c.stage) });
  }
  // Update: promote the first development app to the staging apps; the fake finishes the targets at their due time.
  const d = (await state()).pipelines[0].diagram;
  const dev = d.columns.find((c) => c.stage === 'development').cards[0];
  const targets = dev.promote.targets.map((t) => t.appId);
  const versionOf = (diagram, appId) => diagram.columns.flatMap((c) => c.cards).find((c) => c.appId === appId).release.version;
  const before = new Map(targets.map((t) => [t, versionOf(d, t)]));
  services.commands.ui = {
    showWarningMessage: async () => 'Promote', showInputBox: async () => '424242',
    showQuickPick: async (items) => (await items)[0], showInformationMessage: async () => undefined,
  };
  const promoted = vscode.commands.executeCommand('heroku.pipeline.testState', { method: 'promote', params: { appId: dev.appId } });
  // The page's drawings after the promotion started, until one shows every target's new release; the time is
  // when the host got that report (performance.now in the extension host, turned into wall time).
  let shownAt;
  for (let seq = (await state()).pipelines[0].seq; shownAt === undefined;) {
    const p = (await vscode.commands.executeCommand('heroku.pipeline.testState', { renderedAfter: seq })).pipelines[0];
    seq = p.rendered.seq;
    if (p.diagram && targets.every((t) => versionOf(p.diagram, t) > before.get(t))) shownAt = Date.now() - (performance.now() - p.rendered.at);
  }
  const outcome = await promoted;
  writeFileSync(out, JSON.stringify({ results, shownAt, outcome }));
}

module.exports = { run };
