// Log tails in the real extension host against the fake Heroku's logplex: Tail Logs opens the app's channel with a
// header and the demo traffic, a dyno filter narrows it (Heroku's side and ours), a stream cut by a fault reconnects
// with a marker in the text, Stop ends the stream and keeps the text. What each channel was given comes from the test
// hook heroku.logs.testState (registered outside ExtensionMode.Production only).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { LogsTestState } from '../../src/vscode/logs/lazy';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { useExtension } from './extension';

const APP = 'acme-web-production';
const LOG_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+[+-]\d\d:\d\d (app|heroku)\[[\w.-]+\]: /;

const state = async (): Promise<LogsTestState> => (await vscode.commands.executeCommand<LogsTestState>('heroku.logs.testState'))!;
const textOf = async (app: string): Promise<string> => (await state()).channels[app] ?? '';
/** The log lines written after the last line matching `after`. */
function linesAfter(text: string, after: RegExp): string[] {
  const lines = text.split('\n');
  let from = -1;
  lines.forEach((l, i) => { if (after.test(l)) from = i; });
  return from < 0 ? [] : lines.slice(from + 1).filter((l) => LOG_LINE.test(l));
}
async function channelWhere(app: string, what: string, ok: (text: string) => boolean): Promise<string> {
  return waitFor(what, async () => { const t = await textOf(app); return ok(t) ? t : undefined; }, 30_000);
}

describe('logs: tails in output channels', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);

  afterEach(async () => {
    for (const t of (await state()).tails.filter((x) => x.status !== 'stopped')) await vscode.commands.executeCommand('heroku.stopLogs', t.app);
    await waitFor('every tail stopped', async () => ((await state()).tails.every((t) => t.status === 'stopped') ? true : undefined));
  });

  it('Tail Logs: a header naming the app, then its history and live traffic, as plain text', async () => {
    ext.ui();
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    const text = await channelWhere(APP, 'router lines in the channel', (t) => linesAfter(t, /Heroku logs for/).filter((l) => l.includes('heroku[router]')).length >= 3);
    assert.match(text.split('\n')[0], new RegExp(`^— Heroku logs for ${APP} · all lines · since \\d\\d:\\d\\d:\\d\\d —$`));
    assert.ok(!text.includes('\u001b'), 'no ANSI in an output channel');
    assert.ok(!text.includes(heroku.apiKey), 'the token is never written');
    const t = (await state()).tails.find((x) => x.app === APP);
    assert.strictEqual(t?.status, 'live');
    assert.ok(t.written >= 3);
  });

  it('a dyno filter applies, and two apps tail at once (a dyno node, a formation row)', async () => {
    ext.ui();
    await vscode.commands.executeCommand('heroku.tailLogs', { id: `x/${APP}/dynos/web.1`, kind: 'dyno', app: APP, ref: 'web.1' });
    await vscode.commands.executeCommand('heroku.tailLogs', { id: 'x/acme-web-staging/formation/web', kind: 'formation', app: 'acme-web-staging', ref: 'web' });
    const text = await channelWhere(APP, 'web.1 lines', (t) => linesAfter(t, /Heroku logs for/).length >= 3);
    assert.match(text, /— Heroku logs for acme-web-production · dyno web\.1 · since/);
    const lines = linesAfter(text, /Heroku logs for/);
    assert.deepStrictEqual(lines.filter((l) => !l.includes('[web.1]: ')), [], 'only web.1 lines');
    await channelWhere('acme-web-staging', 'staging web lines', (t) => /· type web · since/.test(t) && linesAfter(t, /Heroku logs for/).length >= 1);
    assert.deepStrictEqual((await state()).tails.filter((x) => x.status !== 'stopped').map((x) => x.app).sort(), [APP, 'acme-web-staging']);
    // Filter Logs on the running tail: a new header, then worker lines only.
    await vscode.commands.executeCommand('heroku.filterLogs', { app: APP, dyno: 'worker.1' });
    const after = await channelWhere(APP, 'worker.1 lines after the filter change', (t) => linesAfter(t, /filter changed: dyno worker\.1/).length >= 1);
    assert.deepStrictEqual(linesAfter(after, /filter changed/).filter((l) => !l.includes('[worker.1]: ')), []);
  });

  it('a stream the fake cuts reconnects, with a marker where the gap was', async () => {
    ext.ui();
    await heroku.control.addFaults({ path: '/__logplex/*', drop: true, afterBytes: 3000, times: 1 });
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    const text = await channelWhere(APP, 'the reconnect marker', (t) => /— reconnected after [\d.]+ s; /.test(t));
    assert.match(text, /— connection lost: .*; reconnecting —\n/);
    assert.ok(text.indexOf('connection lost') < text.search(/reconnected after/));
    await channelWhere(APP, 'lines after the reconnect', (t) => linesAfter(t, /reconnected after/).length >= 1);
  });

  it('Stop Logs ends the stream and keeps the text; Tail Logs again appends to the same channel', async () => {
    ext.ui();
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    await channelWhere(APP, 'some lines', (t) => linesAfter(t, /Heroku logs for/).length >= 1);
    await vscode.commands.executeCommand('heroku.stopLogs');
    const stopped = await channelWhere(APP, 'the stop marker', (t) => t.endsWith('— log stream stopped: stopped by you —\n'));
    assert.strictEqual((await state()).tails.find((x) => x.app === APP)?.status, 'stopped');
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    const headers = (t: string) => (t.match(/Heroku logs for/g) ?? []).length;
    const again = await channelWhere(APP, 'a new header', (t) => headers(t) === headers(stopped) + 1);
    assert.ok(again.startsWith(stopped), 'the earlier text stays');
  });

  it('signing out stops every tail with a marker; signing in again restarts nothing by itself', async () => {
    ext.ui();
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    await channelWhere(APP, 'some lines', (t) => linesAfter(t, /Heroku logs for/).length >= 1);
    await ext.services.heroku.signOut();
    await waitFor('signed out', () => (ext.services.heroku.getClient() === undefined ? true : undefined));
    await channelWhere(APP, 'the sign-out marker', (t) => t.endsWith('— log stream stopped: signed out of Heroku —\n'));
    await ext.signIn();
    const tails = (await state()).tails;
    assert.deepStrictEqual(tails.filter((t) => t.status !== 'stopped'), [], 'no tail came back unasked');
  });

  it('an app Heroku does not know: the tail ends at once, saying why in the channel and in a warning', async () => {
    const ui = ext.ui();
    await vscode.commands.executeCommand('heroku.tailLogs', 'no-such-app-4711');
    const text = await channelWhere('no-such-app-4711', 'the end marker', (t) => /\n— log stream stopped: .+ —\n$/.test(t));
    assert.match(text, /not found|no app|Couldn't find/i);
    await waitFor('the warning', () => ui.warnings.find((w) => w.startsWith('Heroku logs of no-such-app-4711: log stream stopped')));
    assert.strictEqual((await state()).tails.find((t) => t.app === 'no-such-app-4711')?.status, 'stopped');
  });

  it('Filter Logs… offers the app\'s dynos, process types, the router and the sources; a pick restarts the tail filtered', async () => {
    const ui = ext.ui([(labels) => labels.find((l) => l.endsWith(' web.2')), (labels) => labels.find((l) => l.endsWith(' heroku'))]);
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    await vscode.commands.executeCommand('heroku.filterLogs');
    const offered = ui.offered[0] ?? [];
    for (const l of ['$(list-flat) All lines', '$(server-process) web.1', '$(server-process) worker.1', '$(globe) router', '$(symbol-class) web', '$(filter) app']) {
      assert.ok(offered.includes(l), `${l} among ${JSON.stringify(offered)}`);
    }
    const text = await channelWhere(APP, 'web.2 lines', (t) => linesAfter(t, /filter changed: dyno web\.2 · since/).length >= 1);
    assert.deepStrictEqual(linesAfter(text, /filter changed/).filter((l) => !l.includes('[web.2]: ')), []);
    // A source on top keeps the dyno.
    await vscode.commands.executeCommand('heroku.filterLogs', APP);
    await channelWhere(APP, 'the combined header', (t) => t.includes('— filter changed: dyno web.2 · source heroku · since'));
    assert.deepStrictEqual((await state()).tails.find((t) => t.app === APP)?.filter, { dyno: 'web.2', source: 'heroku' });
  });
});

describe('logs: the Logs view, error-code hovers, scrollback', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const rowOf = async (app: string) => (await state()).rows.find((r) => r.app === app);

  afterEach(async () => {
    await vscode.commands.executeCommand('heroku.logs.stopAll');
    await waitFor('every tail stopped', async () => ((await state()).tails.every((t) => t.status === 'stopped') ? true : undefined));
  });

  it('one row per tail: filter, state, lines, rate; failed and stopped rows; Stop All from the view', async () => {
    ext.ui();
    await vscode.commands.executeCommand('heroku.logs.focus'); // the view is contributed and registered
    await vscode.commands.executeCommand('heroku.tailLogs', { app: APP, dyno: 'web.1' });
    await vscode.commands.executeCommand('heroku.tailLogs', 'no-such-app-4711');
    const live = await waitFor('a live row with lines', async () => { const r = await rowOf(APP); return r && /· live · [\d,]+ lines? · [\d.,]+\/s$/.test(r.description) && !r.description.includes('· 0 lines') ? r : undefined; });
    assert.match(live.description, /^dyno web\.1 · live · /);
    assert.strictEqual(live.contextValue, 'heroku.logs.tail.running');
    const failed = await waitFor('the failed row', async () => { const r = await rowOf('no-such-app-4711'); return r?.contextValue === 'heroku.logs.tail.ended' ? r : undefined; });
    assert.match(failed.description, /^all lines · failed · 0 lines$/);
    assert.match(failed.tooltip, /^failed: .*(not found|Couldn't find)/im);
    const kinds = (await state()).rows.map((r) => r.contextValue); // earlier tests' tails stay, stopped
    assert.ok(kinds.lastIndexOf('heroku.logs.tail.running') < kinds.indexOf('heroku.logs.tail.ended'), `running rows first: ${kinds.join(', ')}`);
    // The row's inline actions take the row: Filter… asks (the row is no filter itself), Show reveals the channel.
    const ui = ext.ui([(labels) => labels.find((l) => l.endsWith(' web.2'))]);
    await vscode.commands.executeCommand('heroku.filterLogs', live);
    assert.ok(ui.offered[0]?.includes('$(globe) router'), 'Filter… from the row offered the picker');
    await waitFor('the row with the new filter', async () => ((await rowOf(APP))?.description.startsWith('dyno web.2 · ') ? true : undefined));
    await vscode.commands.executeCommand('heroku.logs.show', live);
    // Stop All (the view's title action) stops the rest.
    await vscode.commands.executeCommand('heroku.logs.stopAll');
    const stopped = await waitFor('the stopped row', async () => { const r = await rowOf(APP); return r?.description.includes('· stopped ·') ? r : undefined; });
    assert.match(stopped.description, /^dyno web\.2 · stopped · [\d,]+ lines$/, 'no rate once stopped');
  });

  it('a hover on an error code in the channel (scheme output) gives its meaning and its Dev Center link', async () => {
    ext.ui();
    await heroku.control.logScript(APP, { mode: 'bulk', count: 400 });
    await vscode.commands.executeCommand('heroku.tailLogs', APP);
    await channelWhere(APP, 'an H12 line', (t) => t.includes('code=H12'));
    const doc = await waitFor('the channel as a document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.getText().includes('code=H12')), 30_000);
    assert.strictEqual(doc.languageId, 'heroku-log');
    const line = doc.getText().split('\n').findIndex((l) => l.includes('code=H12'));
    const col = doc.lineAt(line).text.indexOf('code=H12') + 'code='.length + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, col));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*H12 · Request timeout\*\*/);
    assert.ok(text.includes('(https://devcenter.heroku.com/articles/error-codes#h12-request-timeout)'), text);
    const elsewhere = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2));
    assert.ok(!elsewhere.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('Dev Center'))), 'no hover off a code');
  });

  it('heroku.logs.scrollback: a channel past the limit is cleared with a marker and the tail goes on', async () => {
    ext.ui();
    const config = vscode.workspace.getConfiguration('heroku');
    await config.update('logs.scrollback', 100_000, vscode.ConfigurationTarget.Global);
    try {
      await heroku.control.logScript(APP, { mode: 'bulk', count: 2000 });
      await vscode.commands.executeCommand('heroku.tailLogs', APP);
      const text = await channelWhere(APP, 'the cleared marker and lines after it', (t) => linesAfter(t, /this channel reached 100,000 characters and was cleared; the tail goes on/).length >= 10);
      const first = text.indexOf('— this channel reached');
      assert.ok(text.length > 100_000, 'the channel was given more than the limit');
      assert.strictEqual(text[first - 1], '\n', 'the marker is a line of its own');
    } finally {
      await config.update('logs.scrollback', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
