// Reading the explorer tree from host tests through the test-only command (not a test file).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/core/tree/nodes';

export const children = async (node?: ExplorerNode): Promise<ExplorerNode[]> =>
  (await vscode.commands.executeCommand<ExplorerNode[]>('heroku.explorer.getChildren', node)) ?? [];

/** The node at a path of labels from the root, and its children. */
export async function walk(...labels: string[]): Promise<{ node: ExplorerNode; kids: ExplorerNode[] }> {
  let node: ExplorerNode | undefined;
  let kids = await children();
  for (const label of labels) {
    node = kids.find((n) => n.label === label);
    assert.ok(node, `no "${label}" among ${kids.map((n) => n.label).join(', ')}`);
    kids = await children(node);
  }
  assert.ok(node);
  return { node, kids };
}
