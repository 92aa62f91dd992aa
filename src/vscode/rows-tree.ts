// A flat tree view of rows a feature's core model built (core/view-row.ts): the Local Processes and Logs views.
// refresh() redraws it all; a click runs `command` with the row.
import * as vscode from 'vscode';
import type { ViewRow } from '../core/view-row';

export class RowsTree<T extends ViewRow> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** `idOf`: a row's stable id (keeps selection and focus across redraws); `command`: what a click runs. */
  constructor(private readonly rows: () => T[], private readonly idOf: (row: T) => string, private readonly command: { command: string; title: string }) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(row?: T): T[] {
    return row ? [] : this.rows();
  }

  getTreeItem(row: T): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.idOf(row);
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.contextValue = row.contextValue;
    item.iconPath = new vscode.ThemeIcon(row.icon, row.colour ? new vscode.ThemeColor(row.colour) : undefined);
    item.command = { ...this.command, arguments: [row] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
