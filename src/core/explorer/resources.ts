// Children of an app's sections: dynos with state icons, formation, add-ons with attachments, releases
// (current marked), config vars (masked until revealed) and domains.
import type { AddOn, AddOnAttachment, Domain, Dyno, Formation, Release } from '../heroku/types';
import { maskValue } from '../redact';
import type { ExplorerNode, Icon } from './nodes';
import { formationSize } from './scale';

export function dynoIcon(state: string): Icon {
  switch (state) {
    case 'up': return { id: 'pass-filled', color: 'charts.green' };
    case 'starting': return { id: 'sync~spin', color: 'charts.yellow' };
    case 'crashed': return { id: 'error', color: 'charts.red' };
    case 'idle': return { id: 'debug-pause', color: 'disabledForeground' };
    case 'down': return { id: 'circle-slash', color: 'disabledForeground' };
    default: return { id: 'question' };
  }
}

function byDynoName(a: Dyno, b: Dyno): number {
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const na = Number(a.name.split('.').pop());
  const nb = Number(b.name.split('.').pop());
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.name.localeCompare(b.name);
}

export function dynoNodes(parent: string, app: string, dynos: readonly Dyno[]): ExplorerNode[] {
  return [...dynos].sort(byDynoName).map((d) => ({
    id: `${parent}/${d.name}`, kind: 'dyno' as const, label: d.name,
    description: [d.state, d.size].filter(Boolean).join(' · '),
    tooltip: [`${d.name}: ${d.state}`, d.size && `Size: ${d.size}`, d.command && `Command: ${d.command}`,
      d.release?.version !== undefined && `Release: v${d.release.version}`, d.updated_at && `Since: ${d.updated_at}`]
      .filter(Boolean).join('\n'),
    icon: dynoIcon(d.state), contextValue: `heroku.dyno.${d.state}`, collapsible: 'none' as const, app, ref: d.name,
  }));
}

export function formationNodes(parent: string, app: string, formation: readonly Formation[]): ExplorerNode[] {
  return [...formation].sort((a, b) => a.type.localeCompare(b.type)).map((f) => {
    const size = formationSize(f) ?? 'size unknown';
    return {
      id: `${parent}/${f.type}`, kind: 'formation' as const, label: f.type,
      description: `${f.quantity} × ${size}`,
      tooltip: `${f.type}: ${f.quantity} × ${size}\nCommand: ${f.command}`,
      icon: { id: f.quantity > 0 ? 'symbol-event' : 'circle-slash' },
      contextValue: 'heroku.formation', collapsible: 'none' as const, app, ref: f.type,
    };
  });
}

/** Add-ons with their attachment names (DATABASE, HEROKU_POSTGRESQL_RED…); attachments to other apps shown too. */
export function addonNodes(parent: string, app: string, addons: readonly AddOn[], attachments: readonly AddOnAttachment[]): ExplorerNode[] {
  return [...addons].sort((a, b) => a.name.localeCompare(b.name)).map((a) => {
    const names = attachments.filter((t) => t.addon.name === a.name).map((t) => (t.app.name === app ? t.name : `${t.app.name}::${t.name}`));
    const service = a.addon_service?.human_name ?? a.addon_service?.name ?? '';
    const owned = a.app?.name === undefined || a.app.name === app;
    return {
      id: `${parent}/${a.name}`, kind: 'addon' as const, label: a.name,
      description: [a.plan.name, names.join(', ')].filter(Boolean).join(' · '),
      tooltip: [a.name, service && `Service: ${service}`, `Plan: ${a.plan.name}`, a.state && `State: ${a.state}`,
        names.length ? `Attached as: ${names.join(', ')}` : 'Not attached', !owned && `Owned by ${a.app.name}`]
        .filter(Boolean).join('\n'),
      icon: { id: /postgres/i.test(a.plan.name) ? 'database' : /redis|kafka|valkey/i.test(a.plan.name) ? 'server' : 'extensions' },
      contextValue: 'heroku.addon', collapsible: 'none' as const, app, ref: a.name,
    };
  });
}

export function releaseIcon(r: Release): Icon {
  if (r.current) return { id: 'star-full', color: 'charts.green' };
  switch (r.status) {
    case 'succeeded': return { id: 'tag' };
    case 'pending': return { id: 'sync~spin', color: 'charts.yellow' };
    case 'failed': return { id: 'error', color: 'charts.red' };
    default: return { id: 'history', color: 'disabledForeground' };
  }
}

export const RELEASES_SHOWN = 20;

/** The latest 20 releases, newest first; the current one marked. */
export function releaseNodes(parent: string, app: string, releases: readonly Release[]): ExplorerNode[] {
  return [...releases].sort((a, b) => b.version - a.version).slice(0, RELEASES_SHOWN).map((r) => ({
    id: `${parent}/v${r.version}`, kind: 'release' as const, label: `v${r.version}`,
    description: [r.current ? 'current' : r.status !== 'succeeded' ? r.status : '', r.description].filter(Boolean).join(' · '),
    tooltip: [`v${r.version} (${r.status}${r.current ? ', current' : ''})`, r.description, r.user?.email && `By ${r.user.email}`, r.created_at]
      .filter(Boolean).join('\n'),
    icon: releaseIcon(r), contextValue: r.current ? 'heroku.release.current' : `heroku.release.${r.status}`,
    collapsible: 'none' as const, app, ref: String(r.version),
  }));
}

/** Config vars sorted by name; a value shows only when its key is in `revealed`. */
export function configNodes(parent: string, app: string, vars: Record<string, string>, revealed: ReadonlySet<string>): ExplorerNode[] {
  return Object.keys(vars).sort().map((key) => {
    const shown = revealed.has(key);
    return {
      id: `${parent}/${key}`, kind: 'configVar' as const, label: key,
      description: shown ? vars[key] : maskValue(vars[key]) || '(empty)',
      tooltip: shown ? `${key} (revealed)` : `${key}: value hidden; use Reveal to show it`,
      icon: { id: shown ? 'eye' : 'lock' }, contextValue: shown ? 'heroku.configVar.revealed' : 'heroku.configVar',
      collapsible: 'none' as const, app, ref: key,
    };
  });
}

export function domainNodes(parent: string, app: string, domains: readonly Domain[]): ExplorerNode[] {
  return [...domains].sort((a, b) => (a.kind === b.kind ? a.hostname.localeCompare(b.hostname) : a.kind === 'heroku' ? -1 : 1)).map((d) => ({
    id: `${parent}/${d.hostname}`, kind: 'domain' as const, label: d.hostname,
    description: [d.kind, d.cname && `→ ${d.cname}`, d.status && d.status !== 'succeeded' ? d.status : ''].filter(Boolean).join(' · '),
    tooltip: [d.hostname, `Kind: ${d.kind}`, d.cname && `DNS target: ${d.cname}`, d.status && `Status: ${d.status}`, d.acm_status && `ACM: ${d.acm_status}`]
      .filter(Boolean).join('\n'),
    icon: { id: d.kind === 'custom' ? 'link' : 'globe' }, contextValue: 'heroku.domain', collapsible: 'none' as const, app, ref: d.hostname,
  }));
}
