// The `heroku.explorer` TreeDataProvider: translates the pure ExplorerModel's nodes into TreeItems, shows a
// progress indicator on the view while loading, and renders again on demand.
import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import type { ExplorerModel } from '../../core/tree/model';
import type { ExplorerNode } from '../../core/tree/nodes';

export const VIEW_ID = 'heroku.explorer';

function collapsible(c: ExplorerNode['collapsible']): vscode.TreeItemCollapsibleState {
  return c === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded
    : c === 'collapsed' ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
}

export function toTreeItem(node: ExplorerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, collapsible(node.collapsible));
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
  if (node.command) item.command = { command: node.command.id, title: node.command.title, arguments: node.command.args };
  return item;
}

export class ExplorerProvider extends Disposable implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ExplorerNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<string, ExplorerNode | undefined>();
  /** The node objects last handed to the view, by id (the view knows elements by identity). */
  private readonly nodes = new Map<string, ExplorerNode>();
  private inFlight = 0;
  private readonly idle = this.register(new vscode.EventEmitter<void>());

  constructor(readonly model: ExplorerModel) {
    super();
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return this.parents.get(node.id);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    this.inFlight++;
    try {
      const kids = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.model.children(node));
      for (const k of kids) {
        this.parents.set(k.id, node);
        this.nodes.set(k.id, k);
      }
      return kids;
    } finally {
      if (--this.inFlight === 0) this.idle.fire();
    }
  }

  /** Renders these nodes' children again (those the view has; the roots' ids are the roots). */
  rerenderIds(ids: readonly string[]): void {
    for (const id of ids) {
      const node = this.nodes.get(id);
      if (node) this.changed.fire(node);
    }
  }

  /** Renders one node's children (the whole tree when omitted) again, from the store. */
  rerender(node?: ExplorerNode): void {
    this.changed.fire(node);
  }

  /** Resolves when no load is running (tests, and actions that want the tree settled). */
  whenIdle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => {
      const d = this.idle.event(() => { d.dispose(); resolve(); });
    });
  }

  /** A node found by id among those rendered so far (for commands invoked with an id). */
  known(id: string): boolean {
    return this.parents.has(id);
  }
}
