// heroku.yml reading with the `yaml` package's Document API: every node keeps its source offsets, so problems
// land on the exact key or value. Walking helpers here work on YAMLMap/YAMLSeq/Scalar nodes.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Problem } from '../lint/types';
import { LineIndex } from '../lint/positions';

export interface ParsedYaml {
  doc: Document;
  lines: LineIndex;
  problems: Problem[];
}

export function parseHerokuYml(text: string): ParsedYaml {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true, merge: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    problems.push({ code: 'herokuyml/syntax', severity: 'error', message: e.message.split('\n')[0], range: lines.range(e.pos[0], e.pos[1]) });
  }
  for (const w of doc.warnings) {
    problems.push({ code: 'herokuyml/syntax', severity: 'warning', message: w.message.split('\n')[0], range: lines.range(w.pos[0], w.pos[1]) });
  }
  return { doc, lines, problems };
}

export function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

export function pairOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  let found: Pair<unknown, unknown> | undefined;
  for (const item of map.items) if (scalarText(item.key) === key) found = item;
  return found;
}

/** The value node at a path of keys/indexes, and the key node of its last step (for maps). */
export function nodeAt(doc: Document, path: (string | number)[]): { value?: Node; key?: Node } {
  let cur: unknown = doc.contents;
  let key: Node | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(cur)) return {};
      cur = cur.items[seg];
      key = undefined;
    } else {
      const pair = pairOf(cur, seg);
      if (!pair) return {};
      key = pair.key as Node;
      cur = pair.value;
    }
  }
  return { value: (cur ?? undefined) as Node | undefined, key };
}

export function rangeOf(lines: LineIndex, node: Node | undefined | null): Problem['range'] {
  const r = node?.range;
  return r ? lines.range(r[0], r[1]) : lines.range(0, 0);
}

/** Keys of the map at `path`, in order. */
export function mapKeys(doc: Document, path: string[]): string[] {
  const { value } = path.length ? nodeAt(doc, path) : { value: doc.contents as Node | undefined };
  if (!isMap(value)) return [];
  return value.items.map((p) => scalarText(p.key)).filter((k): k is string => k !== undefined);
}
