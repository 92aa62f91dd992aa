// The explorer's context menus in package.json, evaluated the way VS Code reads `when` clauses (&& binds tighter
// than ||, parentheses group, `=~` takes a regex literal): an item of another view never gets the explorer's
// commands, and each app node gets the menus meant for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../../../src/core/heroku/types';
import { AppStore } from '../../../../src/core/state/store';
import { appNode, sectionNodes } from '../../../../src/core/tree/apps';
import { ExplorerModel } from '../../../../src/core/tree/model';
import { configNodes, dynoNodes, formationNodes, releaseNodes } from '../../../../src/core/tree/resources';
import { FakeClock } from '../../../support/fake-clock';

type Ctx = Record<string, string | boolean | undefined>;

/** A small evaluator for the subset of the when-clause grammar package.json uses. */
function evaluate(when: string, ctx: Ctx): boolean {
  const tokens = when.match(/\(|\)|&&|\|\||!(?!=)|==|!=|=~\s*\/(?:\\.|[^/])*\/|[^\s()!&|=]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const value = (key: string): string | boolean | undefined => (key === 'true' ? true : key === 'false' ? false : ctx[key]);
  const primary = (): boolean => {
    const t = tokens[i++];
    if (t === '(') {
      const v = or();
      assert.equal(tokens[i++], ')', `unbalanced parentheses in: ${when}`);
      return v;
    }
    if (t === '!') return !primary();
    const op = peek();
    if (op === '==' || op === '!=') {
      i++;
      const rhs = tokens[i++];
      return (String(value(t) ?? '') === rhs) === (op === '==');
    }
    if (op?.startsWith('=~')) {
      i++;
      const m = /^=~\s*\/(.*)\/$/.exec(op);
      assert.ok(m, op);
      return new RegExp(m[1]).test(String(value(t) ?? ''));
    }
    return Boolean(value(t));
  };
  const and = (): boolean => {
    let v = primary();
    while (peek() === '&&') { i++; const r = primary(); v = v && r; }
    return v;
  };
  function or(): boolean {
    let v = and();
    while (peek() === '||') { i++; const r = and(); v = v || r; }
    return v;
  }
  const result = or();
  assert.equal(i, tokens.length, `unparsed rest in: ${when}`);
  return result;
}

interface MenuItem { command: string; when?: string; group?: string }
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]>; commands: { command: string }[] } };
const itemMenus = pkg.contributes.menus['view/item/context'];
const commandsFor = (ctx: Ctx) => [...new Set(itemMenus.filter((m) => evaluate(m.when ?? 'true', ctx)).map((m) => m.command))].sort();

const CONTEXT_VALUES = ['heroku.app', 'heroku.app.maintenance', 'heroku.app.promote-staging', 'heroku.app.maintenance.promote-production',
  'heroku.section.config', 'heroku.configVar', 'heroku.formation', 'heroku.dyno.up', 'heroku.release.succeeded'];

describe('package.json: the explorer\'s context menus', () => {
  it('the evaluator reads && before || and honours parentheses', () => {
    assert.equal(evaluate('a && b || c', { c: true }), true);
    assert.equal(evaluate('a && (b || c)', { c: true }), false);
    assert.equal(evaluate('view == x && viewItem =~ /^heroku\\.app/', { view: 'x', viewItem: 'heroku.app.maintenance' }), true);
  });

  it('never offers the explorer\'s item commands in another view', () => {
    for (const viewItem of CONTEXT_VALUES) {
      assert.deepEqual(commandsFor({ view: 'someOther.view', viewItem }), [], `${viewItem} in another view`);
    }
  });

  it('offers pull and push on apps and on the Config Vars section', () => {
    for (const viewItem of ['heroku.app', 'heroku.app.promote-staging', 'heroku.section.config']) {
      const cmds = commandsFor({ view: 'heroku.explorer', viewItem });
      assert.ok(cmds.includes('heroku.config.pull') && cmds.includes('heroku.config.push'), `${viewItem}: ${cmds.join(', ')}`);
    }
    assert.ok(!commandsFor({ view: 'heroku.explorer', viewItem: 'heroku.formation' }).includes('heroku.config.pull'));
  });

  it('offers Promote to the next stage only on apps that have one, and maintenance on/off by state', () => {
    const at = (viewItem: string) => commandsFor({ view: 'heroku.explorer', viewItem });
    assert.ok(at('heroku.app.promote-staging').includes('heroku.app.promoteToStaging'));
    assert.ok(!at('heroku.app.promote-staging').includes('heroku.app.promoteToProduction'));
    assert.ok(at('heroku.app.maintenance.promote-production').includes('heroku.app.promoteToProduction'));
    assert.ok(!at('heroku.app').some((c) => c.startsWith('heroku.app.promote')));
    assert.ok(at('heroku.app.promote-staging').includes('heroku.app.maintenanceOn'));
    assert.ok(!at('heroku.app.promote-staging').includes('heroku.app.maintenanceOff'));
    assert.ok(at('heroku.app.maintenance.promote-production').includes('heroku.app.maintenanceOff'));
    assert.ok(!at('heroku.app.maintenance').includes('heroku.app.maintenanceOn'));
  });

  it('every view menu item runs a contributed command, and only in the explorer', () => {
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const m of [...itemMenus, ...pkg.contributes.menus['view/title']]) {
      assert.ok(contributed.has(m.command), `${m.command} is not in contributes.commands`);
      assert.equal(evaluate(m.when ?? 'true', { view: 'someOther.view', viewItem: 'heroku.app' }), false, `${m.command}: ${m.when}`);
    }
  });

  it('every context value the tree gives its nodes has a menu, and the ones without actions have none', async () => {
    const store = new AppStore({ api: () => undefined, clock: new FakeClock() });
    const app: App = { id: 'a', name: 'shop', maintenance: true };
    const values = [
      appNode(app, 'all', undefined, 'production').contextValue, appNode({ ...app, maintenance: false }, 'all').contextValue,
      ...sectionNodes('all/app:shop', 'shop').map((n) => n.contextValue).filter((v) => v === 'heroku.section.config'),
      formationNodes('p', 'shop', [{ type: 'web', quantity: 1 }])[0].contextValue,
      dynoNodes('p', 'shop', [{ name: 'web.1', type: 'web', state: 'up' }])[0].contextValue,
      releaseNodes('p', 'shop', [{ id: 'r', version: 2, status: 'succeeded' }])[0].contextValue,
      configNodes('p', 'shop', { A: '1' }, new Set()).concat(configNodes('p', 'shop', { A: '1' }, new Set(['A']))).map((n) => n.contextValue),
    ].flat();
    for (const viewItem of values) assert.ok(commandsFor({ view: 'heroku.explorer', viewItem }).length > 0, `${viewItem} has no menu`);
    const current = releaseNodes('p', 'shop', [{ id: 'q', version: 3, status: 'succeeded', current: true }])[0].contextValue;
    const menuless = [...sectionNodes('all/app:shop', 'shop').map((n) => n.contextValue).filter((v) => v !== 'heroku.section.config'), current];
    assert.equal(menuless.length, 6);
    for (const viewItem of menuless) assert.deepEqual(commandsFor({ view: 'heroku.explorer', viewItem }).filter((c) => c !== 'heroku.explorer.copyName'), [], viewItem);
    assert.deepEqual((await new ExplorerModel(store, async () => []).children()).map((n) => commandsFor({ view: 'heroku.explorer', viewItem: n.contextValue })), [[], []], 'the roots have none');
  });
});
