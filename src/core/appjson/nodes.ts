// Finding the text behind a JSON pointer, and the range to underline for it.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Range } from '../lint/types';
import type { LineIndex } from './positions';

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((seg) => {
    const s = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
  });
}

/** Dotted path for messages: env.SECRET.value, addons[2].plan. */
export function displayPath(path: (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : /^[A-Za-z_][\w-]*$/.test(seg) ? `.${seg}` : `["${seg}"]`;
  }
  return out || 'the top level';
}

export function nodeRange(lines: LineIndex, node: Node): Range {
  return lines.range(node.offset, node.offset + node.length);
}

/** The key of the property holding `node`, or the node's first character when it has no key (array item, root). */
export function headRange(lines: LineIndex, node: Node): Range {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0]) return nodeRange(lines, parent.children[0]);
  return lines.range(node.offset, node.offset + 1);
}

/** The key node of property `name` in object node `obj`. */
export function keyNode(obj: Node | undefined, name: string): Node | undefined {
  if (obj?.type !== 'object') return undefined;
  // The last one wins, as in JSON.parse (duplicates are reported separately).
  let found: Node | undefined;
  for (const prop of obj.children ?? []) {
    const key = prop.children?.[0];
    if (key?.value === name) found = key;
  }
  return found;
}

export function at(root: Node | undefined, path: (string | number)[]): Node | undefined {
  return root ? findNodeAtLocation(root, path) : undefined;
}
