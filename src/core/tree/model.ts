// The explorer's children, built from the app-state store (src/core/state). No vscode, no I/O and no cache of its
// own: the vscode provider and the benchmark both drive it. It tells the store what it shows (want) as nodes expand
// and collapse and as the view is shown or hidden, so the one scheduler refreshes exactly that. Every failure
// becomes a node; nothing here throws.
import { promotionStages } from '../pipeline/promotion-plan';
import type { AppStore } from '../state/store';
import type { AccountSliceName, AppSlices, SliceName, Want } from '../state/types';
import { appNode, groupApps, groupChildren, groupNode, sectionNodes, type AppGroup } from './apps';
import { failureNode, messageNode, PAGE_SIZE, page, type ExplorerNode, type Failure, type SectionKind } from './nodes';
import { addonNodes, configNodes, domainNodes, dynoNodes, formationNodes, releaseNodes } from './resources';

export interface WorkspaceApp {
  app: string;
  /** e.g. `heroku` or `staging`, and the folder it was found in. */
  remote: string;
  folder: string;
}

export const ROOTS: ExplorerNode[] = [
  { id: 'workspace', kind: 'workspace', label: 'This workspace', icon: { id: 'root-folder' }, contextValue: 'heroku.workspace', collapsible: 'expanded' },
  { id: 'all', kind: 'allApps', label: 'All apps', icon: { id: 'cloud' }, contextValue: 'heroku.allApps', collapsible: 'expanded' },
];

/** The store slice each section shows. */
const SECTION_SLICE: Record<SectionKind, SliceName> = {
  dynos: 'dynos', formation: 'formation', addons: 'addons', releases: 'releases', config: 'config', domains: 'domains',
};

/** The owner name the tree registers its wants under. */
export const TREE_OWNER = 'explorer';

export class ExplorerModel {
  private readonly shown = new Map<string, number>();
  private readonly revealed = new Map<string, Set<string>>();
  /** What expanded nodes show: node id → the wants it adds. */
  private readonly showing = new Map<string, Want[]>();
  private visible = true;
  private disposed = false;

  constructor(
    private readonly store: AppStore,
    private readonly workspaceApps: () => Promise<WorkspaceApp[]>,
  ) {}

  /** The view was shown or hidden: a hidden tree wants nothing refreshed. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.publish();
  }

  /** A node collapsed (or went away): what it showed is no longer wanted. */
  collapsed(nodeId: string): void {
    for (const id of [...this.showing.keys()]) if (id === nodeId || id.startsWith(`${nodeId}/`)) this.showing.delete(id);
    this.publish();
  }

  dispose(): void {
    this.disposed = true;
    this.store.want(TREE_OWNER, []);
  }

  private show(nodeId: string, ...wants: Want[]): void {
    this.showing.set(nodeId, wants);
    this.publish();
  }

  private publish(): void {
    if (this.disposed) return;
    this.store.want(TREE_OWNER, this.visible ? [...this.showing.values()].flat() : []);
  }

  /** The nodes whose children show what changed (to render again just those). */
  showingChange(change: { app: string; slices: readonly SliceName[] } | { account: readonly AccountSliceName[] }): string[] {
    const hit = (w: Want) => {
      if ('app' in w) return 'app' in change && w.app === change.app && w.slices.some((s) => change.slices.includes(s));
      if ('account' in w) return 'account' in change && w.account.some((s) => change.account.includes(s));
      return false; // the explorer shows no pipeline slices
    };
    return [...this.showing].filter(([, wants]) => wants.some(hit)).map(([id]) => id);
  }

  /** Apps (by name) that promote to a next pipeline stage, with that stage; empty when couplings cannot be read. */
  async promotableApps(): Promise<Map<string, string>> {
    const [groups, stages] = await Promise.all([this.loadGroups(), this.loadStages()]);
    const out = new Map<string, string>();
    if (!Array.isArray(groups)) return out;
    for (const app of groups.flatMap((g) => g.apps)) {
      const stage = stages.get(app.id);
      if (stage) out.set(app.name, stage);
    }
    return out;
  }

  /** Shows another page under a parent (a "Load more…" node's command). */
  loadMore(parentId: string): void {
    this.shown.set(parentId, (this.shown.get(parentId) ?? PAGE_SIZE) + PAGE_SIZE);
  }

  setRevealed(app: string, key: string | undefined, on: boolean, allKeys: readonly string[] = []): void {
    const set = this.revealed.get(app) ?? new Set<string>();
    for (const k of key === undefined ? allKeys : [key]) {
      if (on) set.add(k);
      else set.delete(k);
    }
    if (key === undefined && !on) set.clear();
    this.revealed.set(app, set);
  }

  isRevealed(app: string, key: string): boolean {
    return this.revealed.get(app)?.has(key) ?? false;
  }

  /** The children of a node, from the store (which reads what is missing or old). */
  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (this.disposed) return [];
    try {
      if (!node) return ROOTS;
      const kids = await this.childrenOf(node);
      return this.disposed ? [] : kids;
    } catch (err) {
      // A bug must not blank the tree: show it as a node.
      return [messageNode(node?.id ?? 'root', 'error', `Could not load: ${err instanceof Error ? err.message : String(err)}`)];
    }
  }

  private childrenOf(node: ExplorerNode): Promise<ExplorerNode[]> | ExplorerNode[] {
    switch (node.kind) {
      case 'workspace': return this.workspaceChildren();
      case 'allApps': return this.allAppsChildren();
      case 'owner': return this.ownerChildren(node);
      case 'app': return node.app ? sectionNodes(node.id, node.app) : [];
      case 'section': return this.sectionChildren(node);
      default: return [];
    }
  }

  /** The grouped app list (the store's account slice). */
  async loadGroups(): Promise<AppGroup[] | Failure> {
    const r = await this.store.readAccount('apps');
    if (!r.value) return r.error ?? { id: 'empty', message: 'No answer.' };
    return groupApps(r.value.apps, r.value.email);
  }

  /** App id → the stage it promotes to; a failure means no Promote menus, not an error. */
  private async loadStages(): Promise<Map<string, string>> {
    const r = await this.store.readAccount('couplings');
    return promotionStages(r.value ?? []);
  }

  private async allAppsChildren(): Promise<ExplorerNode[]> {
    this.show('all', { account: ['apps'] satisfies AccountSliceName[] });
    const groups = await this.loadGroups();
    if (!Array.isArray(groups)) return [failureNode('all', groups)];
    const nonEmpty = groups.filter((g) => g.apps.length > 0);
    const nodes = nonEmpty.length === 0 ? [messageNode('all', 'empty', 'No apps yet')] : nonEmpty.map(groupNode);
    // The last read failed but an earlier list is known: keep showing it (the groups stay usable) under a node that
    // says the refresh failed and why, as a section says what its last read said.
    const failed = this.store.peekAccount().apps?.error;
    return failed ? [staleListNode(failed), ...nodes] : nodes;
  }

  private async ownerChildren(node: ExplorerNode): Promise<ExplorerNode[]> {
    this.show(node.id, { account: ['apps', 'couplings'] });
    const [groups, stages] = await Promise.all([this.loadGroups(), this.loadStages()]);
    if (!Array.isArray(groups)) return [failureNode(node.id, groups)];
    const group = groups.find((g) => `all/${g.id}` === node.id);
    if (!group) return [];
    return groupChildren(group, this.shown.get(node.id) ?? PAGE_SIZE, (app) => stages.get(app.id));
  }

  private async workspaceChildren(): Promise<ExplorerNode[]> {
    const found = await this.workspaceApps();
    if (found.length === 0) return [messageNode('workspace', 'empty', 'No Heroku git remotes in this workspace')];
    const distinct = [...new Map(found.map((w) => [w.app, w])).values()].sort((a, b) => a.app.localeCompare(b.app));
    this.show('workspace', { account: ['couplings'] }, ...distinct.map((w): Want => ({ app: w.app, slices: ['app'] })));
    const stages = await this.loadStages();
    const nodes = await Promise.all(distinct.map(async (w): Promise<ExplorerNode> => {
      const r = await this.store.read(w.app, 'app');
      if (!r.value || r.error) {
        const err: Failure = r.error ?? { id: 'empty', message: 'No answer.' };
        if (err.status === 401 || err.id === 'unauthorized' || err.id === 'no_token') return failureNode(`workspace/${w.app}`, err);
        return { ...messageNode(`workspace/app:${w.app}`, 'error', w.app), description: err.message, tooltip: `${w.app} (remote ${w.remote} in ${w.folder}): ${err.message}` };
      }
      return appNode(r.value, 'workspace', `${w.remote} (${w.folder})`, stages.get(r.value.id));
    }));
    return page(nodes, this.shown.get('workspace') ?? PAGE_SIZE, 'workspace', (n) => n);
  }

  private async sectionChildren(node: ExplorerNode): Promise<ExplorerNode[]> {
    const app = node.app ?? '';
    const id = node.id;
    if (!node.section) return [];
    const sliceName = SECTION_SLICE[node.section];
    this.show(id, { app, slices: [sliceName] });
    const slice = await this.store.read(app, sliceName);
    // A failure shows even when an older value is known: the tree says what the last read said.
    if (slice.error || slice.value === undefined) return [failureNode(id, slice.error ?? { id: 'empty', message: 'No answer.' })];
    const empty = (label: string) => [messageNode(id, 'empty', label)];
    const value = slice.value;
    switch (node.section) {
      case 'dynos': return list(value as AppSlices['dynos'], (v) => dynoNodes(id, app, v), () => empty('No dynos running'));
      case 'formation': return list(value as AppSlices['formation'], (v) => formationNodes(id, app, v), () => empty('No process types (nothing deployed yet)'));
      case 'addons': {
        const v = value as AppSlices['addons'];
        return v.addons.length ? addonNodes(id, app, v.addons, v.attachments) : empty('No add-ons');
      }
      case 'releases': return list(value as AppSlices['releases'], (v) => releaseNodes(id, app, v), () => empty('No releases'));
      case 'config': {
        const v = value as AppSlices['config'];
        const shown = this.revealed.get(app) ?? new Set<string>();
        const secrets = this.store.secretConfig(app) ?? {};
        // Values only for revealed keys; the masked text otherwise.
        const vars = Object.fromEntries(v.keys.map((k) => [k, shown.has(k) ? secrets[k] ?? '' : v.masked[k]]));
        const nodes = configNodes(id, app, vars, shown);
        return nodes.length ? nodes : empty('No config vars');
      }
      case 'domains': return list(value as AppSlices['domains'], (v) => domainNodes(id, app, v), () => empty('No domains'));
      default: return [];
    }
  }
}

function list<T>(items: readonly T[], nodes: (v: readonly T[]) => ExplorerNode[], empty: () => ExplorerNode[]): ExplorerNode[] {
  return items.length ? nodes(items) : empty();
}

/** Above an app list kept from an earlier read: the refresh failed, and why (a 401 offers sign-in, as anywhere). */
function staleListNode(failure: Failure): ExplorerNode {
  const node = failureNode('all', failure);
  const kept = 'The apps below are from an earlier read.';
  if (node.kind === 'signIn') return { ...node, description: 'the apps below are from an earlier read', tooltip: `${failure.message}\n${kept}` };
  return { ...node, label: 'Could not refresh the app list', description: failure.message, tooltip: `${node.tooltip ?? failure.message}\n${kept}` };
}
