// Apps: grouping (Personal / each team / shared with you), sorting, and the app node with region, stack,
// space and maintenance in its description and tooltip.
import type { App } from '../heroku/types';
import { page, type ExplorerNode, type SectionKind } from './nodes';

export interface AppGroup {
  /** Stable id: `personal`, `team:<name>`, `shared`. */
  id: string;
  label: string;
  apps: App[];
}

/** A field of an API answer when it is text; anything else (a number, an object, null) reads as absent. */
export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `app.team.name` (or the older `organization.name`) when the answer has it as text. */
export function teamOf(app: App): string | undefined {
  return text(app.team?.name) ?? text(app.organization?.name);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Personal: apps without a team owned by the signed-in account (or all team-less apps when the account is
 * unknown). Each team its own group. Team-less apps owned by someone else: "Shared with you".
 */
export function groupApps(apps: readonly App[], accountEmail?: string): AppGroup[] {
  const personal: App[] = [];
  const shared: App[] = [];
  const teams = new Map<string, App[]>();
  for (const app of apps) {
    const team = teamOf(app);
    const owner = text(app.owner?.email);
    if (team) {
      const list = teams.get(team) ?? [];
      list.push(app);
      teams.set(team, list);
    } else if (!accountEmail || !owner || owner === accountEmail) {
      personal.push(app);
    } else {
      shared.push(app);
    }
  }
  const groups: AppGroup[] = [{ id: 'personal', label: 'Personal', apps: personal.sort(byName) }];
  for (const name of [...teams.keys()].sort()) {
    groups.push({ id: `team:${name}`, label: name, apps: (teams.get(name) ?? []).sort(byName) });
  }
  if (shared.length) groups.push({ id: 'shared', label: 'Shared with you', apps: shared.sort(byName) });
  return groups;
}

export function groupNode(group: AppGroup): ExplorerNode {
  const team = group.id.startsWith('team:');
  return {
    id: `all/${group.id}`, kind: 'owner', label: group.label,
    description: `${group.apps.length} app${group.apps.length === 1 ? '' : 's'}`,
    icon: { id: team ? 'organization' : group.id === 'shared' ? 'live-share' : 'account' },
    contextValue: team ? 'heroku.team' : 'heroku.owner', collapsible: group.id === 'personal' ? 'expanded' : 'collapsed',
    ref: group.id,
  };
}

/** One line of facts: region · stack · space · maintenance. */
export function appDescription(app: App): string {
  const space = text(app.space?.name);
  const parts = [text(app.region?.name), text(app.stack?.name), space ? `space ${space}` : undefined];
  if (app.maintenance === true) parts.push('maintenance');
  return parts.filter(Boolean).join(' · ');
}

export function appTooltip(app: App, remote?: string, promoteTo?: string): string {
  const team = teamOf(app);
  const space = text(app.space?.name);
  const lines = [
    app.name,
    `Owner: ${team ? `team ${team}` : (text(app.owner?.email) ?? 'unknown')}`,
    `Region: ${text(app.region?.name) ?? 'unknown'}`,
    `Stack: ${text(app.stack?.name) ?? 'unknown'}`,
  ];
  if (space) lines.push(`Space: ${space}${app.space?.shield === true ? ' (shield)' : ''}`);
  lines.push(`Maintenance: ${app.maintenance === true ? 'on' : 'off'}`);
  if (promoteTo) lines.push(`Pipeline: promotes to ${promoteTo}`);
  const url = text(app.web_url);
  if (url) lines.push(`URL: ${url}`);
  if (remote) lines.push(`Git remote: ${remote}`);
  return lines.join('\n');
}

/**
 * `parent` keeps ids unique when an app shows under both "This workspace" and "All apps". `promoteTo` is the
 * pipeline stage the app promotes to (development → staging → production), which adds `.promote-<stage>` to the
 * context value so the Promote menu shows.
 */
export function appNode(app: App, parent: string, remote?: string, promoteTo?: string): ExplorerNode {
  const maintenance = app.maintenance === true;
  return {
    id: `${parent}/app:${app.name}`, kind: 'app', label: app.name, description: appDescription(app),
    tooltip: appTooltip(app, remote, promoteTo),
    icon: maintenance ? { id: 'tools', color: 'charts.yellow' } : { id: 'cloud' },
    contextValue: `heroku.app${maintenance ? '.maintenance' : ''}${promoteTo ? `.promote-${promoteTo}` : ''}`,
    collapsible: 'collapsed', app: app.name,
    ref: text(app.web_url),
  };
}

export function groupChildren(group: AppGroup, shown: number, promoteTo: (app: App) => string | undefined = () => undefined): ExplorerNode[] {
  const parent = `all/${group.id}`;
  return page(group.apps, shown, parent, (app) => appNode(app, parent, undefined, promoteTo(app)));
}

const SECTIONS: [SectionKind, string, string][] = [
  ['dynos', 'Dynos', 'server-process'],
  ['formation', 'Formation', 'layers'],
  ['addons', 'Add-ons', 'extensions'],
  ['releases', 'Releases', 'tag'],
  ['config', 'Config Vars', 'symbol-key'],
  ['domains', 'Domains', 'globe'],
];

export function sectionNodes(appNodeId: string, app: string): ExplorerNode[] {
  return SECTIONS.map(([section, label, icon]) => ({
    id: `${appNodeId}/${section}`, kind: 'section' as const, label, icon: { id: icon },
    contextValue: `heroku.section.${section}`, collapsible: 'collapsed' as const, app, section,
  }));
}
