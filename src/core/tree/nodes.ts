// The explorer's view-model: plain data a TreeDataProvider turns into TreeItems. Pure; no vscode.

export type NodeKind =
  | 'workspace' | 'allApps' | 'owner' | 'app' | 'section'
  | 'dyno' | 'formation' | 'addon' | 'release' | 'configVar' | 'domain'
  | 'more' | 'error' | 'signIn' | 'empty';

export type SectionKind = 'dynos' | 'formation' | 'addons' | 'releases' | 'config' | 'domains';

/** A codicon id and an optional theme colour id (`charts.green`, `errorForeground`, …). */
export interface Icon {
  id: string;
  color?: string;
}

export interface ExplorerNode {
  /** Stable and unique across the whole tree, so expansion survives a refresh. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: Icon;
  /** `viewItem` in package.json menus. */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** The app this node belongs to. */
  app?: string;
  section?: SectionKind;
  /** Action payload: process type, dyno name, release version, config key, group id… */
  ref?: string;
  /** Run on click. */
  command?: { id: string; title: string; args?: unknown[] };
}

export function messageNode(parentId: string, kind: 'error' | 'empty' | 'signIn', label: string, tooltip?: string): ExplorerNode {
  if (kind === 'signIn') {
    return {
      id: `${parentId}/signin`, kind, label, tooltip, contextValue: 'heroku.signIn', collapsible: 'none',
      icon: { id: 'account', color: 'errorForeground' },
      command: { id: 'heroku.signIn', title: 'Sign In' },
    };
  }
  return {
    id: `${parentId}/${kind}`, kind, label, tooltip, collapsible: 'none',
    contextValue: kind === 'error' ? 'heroku.error' : 'heroku.empty',
    icon: kind === 'error' ? { id: 'error', color: 'errorForeground' } : { id: 'info' },
  };
}

/** What the explorer needs to know of a failure (structurally a HerokuError). */
export interface Failure {
  id: string;
  message: string;
  status?: number;
}

/** An error becomes a node: 401 offers sign-in again, anything else shows Heroku's message. */
export function failureNode(parentId: string, failure: Failure): ExplorerNode {
  if (failure.status === 401 || failure.id === 'unauthorized' || failure.id === 'no_token') {
    return messageNode(parentId, 'signIn', 'Sign in to Heroku again…', failure.message);
  }
  const label = failure.message.length > 120 ? `${failure.message.slice(0, 117)}…` : failure.message;
  return messageNode(parentId, 'error', label || failure.id, `${failure.id}${failure.status ? ` (HTTP ${failure.status})` : ''}: ${failure.message}`);
}

export const PAGE_SIZE = 100;

/**
 * Shows the first `shown` items and, when more are left, a "Load more…" node whose command asks the
 * provider to show another page under `parentId`.
 */
export function page<T>(items: readonly T[], shown: number, parentId: string, toNode: (t: T) => ExplorerNode): ExplorerNode[] {
  const visible = items.slice(0, Math.max(0, shown)).map(toNode);
  const left = items.length - visible.length;
  if (left > 0) {
    visible.push({
      id: `${parentId}/more`, kind: 'more', label: 'Load more…', description: `${left} more`,
      contextValue: 'heroku.more', collapsible: 'none', icon: { id: 'ellipsis' }, ref: parentId,
      command: { id: 'heroku.explorer.loadMore', title: 'Load more', args: [parentId] },
    });
  }
  return visible;
}
