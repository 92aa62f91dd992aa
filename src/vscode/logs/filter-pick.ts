// "Heroku: Filter Logs…": one quick pick of what a running tail can be narrowed to: all lines, one of the app's
// dynos, a process type, the router, or one source. A dyno or type replaces the dyno/type part and keeps the source;
// a source keeps the dyno/type; "All lines" clears both.
import * as vscode from 'vscode';
import { describeFilter } from '../../core/logs/filter';
import { processTypeOf } from '../../core/logs/dyno';
import type { LogTailFilter } from '../../core/logs/ports';
import { UserCancelled, type CommandContext } from '../commands';
import type { Services } from '../services';

interface FilterItem extends vscode.QuickPickItem {
  apply?: (f: LogTailFilter) => LogTailFilter;
}

const SOURCES: [string, string][] = [['app', "your app's own output"], ['heroku', "Heroku's: router, dyno manager, releases"]];

export async function pickFilter(ctx: CommandContext, services: Services, app: string, current: LogTailFilter): Promise<LogTailFilter> {
  const dynos = await services.heroku.getClient()?.dynos(app);
  const names = dynos?.ok ? dynos.value.map((d) => ({ name: d.name, state: d.state })).sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })) : [];
  const types = [...new Set(names.map((d) => processTypeOf(d.name)))].sort();
  const mark = (on: boolean) => (on ? ' (current)' : '');
  const keepSource = (f: LogTailFilter): LogTailFilter => (f.source ? { source: f.source } : {});
  const items: FilterItem[] = [
    { label: '$(list-flat) All lines', description: mark(!current.dyno && !current.type && !current.source), apply: () => ({}) },
    { label: 'Dynos', kind: vscode.QuickPickItemKind.Separator },
    ...names.map((d): FilterItem => ({ label: `$(server-process) ${d.name}`, description: `${d.state}${mark(current.dyno === d.name)}`, apply: (f) => ({ ...keepSource(f), dyno: d.name }) })),
    { label: '$(globe) router', description: `HTTP requests${mark(current.dyno === 'router')}`, apply: (f) => ({ ...keepSource(f), dyno: 'router' }) },
    { label: 'Process types', kind: vscode.QuickPickItemKind.Separator },
    ...types.map((t): FilterItem => ({ label: `$(symbol-class) ${t}`, description: `every ${t} dyno${mark(current.type === t)}`, apply: (f) => ({ ...keepSource(f), type: t }) })),
    { label: 'Source', kind: vscode.QuickPickItemKind.Separator },
    ...SOURCES.map(([s, what]): FilterItem => ({ label: `$(filter) ${s}`, description: `${what}${mark(current.source === s)}`, apply: (f) => ({ dyno: f.dyno, type: f.type, source: s }) })),
  ];
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: `Filter the logs of ${app} (now: ${describeFilter(current) || 'all lines'})`, matchOnDescription: true });
  if (!pick?.apply) throw new UserCancelled();
  return pick.apply(current);
}
