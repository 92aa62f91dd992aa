// Descriptions and allowed keys from schemas/heroku.yml.schema.json, by key path, for hovers and completions.
import schema from '../../../schemas/heroku.yml.schema.json';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  type?: string | string[];
}

export interface KeyInfo {
  name: string;
  description: string;
}

function isObjectish(n: SchemaNode): boolean {
  return !!n.properties || typeof n.additionalProperties === 'object';
}

/** The schema node at a key path; `additionalProperties` stands for any name (process types, config vars). */
export function schemaAt(path: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.items) node = node.items;
    if (node.oneOf) node = node.oneOf.find(isObjectish) ?? node;
    const next: SchemaNode | undefined = node.properties?.[seg] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    node = next;
  }
  return node;
}

/** The mapping schema that holds keys for a node: a list's items, the mapping branch of a oneOf, or itself. */
function containerOf(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  const n = node.items ?? node;
  return n.oneOf?.find(isObjectish) ?? n;
}

/** The markdown to show when hovering `key` under `path`. */
export function describeKey(path: string[], key: string): string | undefined {
  const container = containerOf(schemaAt(path));
  const own = container?.properties?.[key];
  if (own) return own.description;
  const any = container && typeof container.additionalProperties === 'object' ? container.additionalProperties : undefined;
  if (!any) return undefined;
  const what = path[path.length - 1] === 'config' ? 'config var' : 'process type';
  const desc = any.description ?? any.oneOf?.map((o) => o.description).filter(Boolean).join(' Or: ') ?? '';
  return `\`${key}\`: a ${what}. ${desc}`.trim();
}

/** Keys that may be written under `path` (without those already present). */
export function keysAt(path: string[], present: string[] = []): KeyInfo[] {
  const container = containerOf(schemaAt(path));
  const props = container?.properties ?? {};
  return Object.entries(props)
    .filter(([name]) => !present.includes(name))
    .map(([name, n]) => ({ name, description: n.description ?? '' }));
}
