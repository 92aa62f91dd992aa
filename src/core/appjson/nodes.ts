// Finding the node behind a path, and the range to underline for it.
import type { Node } from 'jsonc-parser';
import type { LineIndex } from '../lint/positions';
import type { Range } from '../lint/types';

export function nodeRange(lines: LineIndex, node: Node): Range {
  return lines.range(node.offset, node.offset + node.length);
}

/** The key of the property holding `node`, or the node's first character when it has no key (array item, root). */
export function headRange(lines: LineIndex, node: Node): Range {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0]) return nodeRange(lines, parent.children[0]);
  return lines.range(node.offset, node.offset + 1);
}

/** The key node of property `name` in object node `obj`: the last one, the copy JSON.parse and Heroku use. */
export function keyNode(obj: Node | undefined, name: string): Node | undefined {
  if (obj?.type !== 'object' || !obj.children) return undefined;
  for (let i = obj.children.length - 1; i >= 0; i--) {
    const key = obj.children[i].children?.[0];
    if (key?.value === name) return key;
  }
  return undefined;
}

/**
 * The node at `path`, taking the last of duplicate keys at every step (jsonc-parser's findNodeAtLocation takes the
 * first, but the value every check sees is the last), so ranges land on the copy that counts.
 */
export function at(root: Node | undefined, path: (string | number)[]): Node | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') {
      node = node.type === 'array' ? node.children?.[seg] : undefined;
    } else {
      const key = keyNode(node, seg);
      node = key?.parent?.children?.[1];
    }
  }
  return node;
}

/** The deepest node on `path` that exists (the whole path when it does), for problems whose exact node is gone. */
export function nearest(root: Node, path: (string | number)[]): { node: Node; path: (string | number)[] } {
  for (let n = path.length; n > 0; n--) {
    const node = at(root, path.slice(0, n));
    if (node) return { node, path: path.slice(0, n) };
  }
  return { node: root, path: [] };
}
