// The explorer's context menus in package.json, evaluated the way VS Code reads `when` clauses (&& binds tighter
// than ||, parentheses group, `=~` takes a regex literal): an item of another view never gets the explorer's
// commands, and each app node gets the menus meant for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } };
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

  it('every when clause in the view menus parses', () => {
    for (const m of [...itemMenus, ...pkg.contributes.menus['view/title']]) evaluate(m.when ?? 'true', { view: 'heroku.explorer' });
  });
});
