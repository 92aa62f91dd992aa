// What a row of one of the extension's flat tree views says (the Local Processes view, the Logs view): built in core
// by each feature's pure row model, drawn by src/vscode/rows-tree.ts.
export interface ViewRow {
  label: string;
  description: string;
  tooltip: string;
  /** A codicon id. */
  icon: string;
  /** A theme colour id for the icon, when the state has one. */
  colour?: string;
  /** Picks the row's menu (package.json `viewItem`). */
  contextValue: string;
}
