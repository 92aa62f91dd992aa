import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import sdkSchema from '../../../data/heroku-platform-api.3.sdk.schema.json';
import v3Schema from '../../../data/heroku-platform-api.v3.schema.json';

type Json = Record<string, unknown>;
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties']);

/** Makes the interagent draft-04 hyper-schema digestible by ajv 8 (see test/data/SOURCE.md). */
export function normalize(node: unknown, parentKey = '', allowExtra = false): unknown {
  if (Array.isArray(node)) return node.map((x) => normalize(x, '', allowExtra));
  if (node === null || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  const isMap = SCHEMA_MAPS.has(parentKey);
  for (const [k, v] of Object.entries(src)) {
    if (!isMap && (k === '$schema' || (k === 'id' && typeof v === 'string') || k === 'links' || k === 'example')) continue;
    out[k] = normalize(v, isMap ? '' : k, allowExtra);
  }
  if (!isMap && src.strictProperties === true && src.properties && typeof src.properties === 'object') {
    out.required = Object.keys(src.properties as Json);
    if (out.additionalProperties === undefined && !allowExtra) out.additionalProperties = false;
  }
  return out;
}

interface Link {
  definition: string;
  method: string;
  href: string;
  regex: RegExp;
  literals: number;
  targetSchema: unknown;
}

function collectLinks(root: Json): Link[] {
  const links: Link[] = [];
  for (const [definition, def] of Object.entries(root.definitions as Record<string, Json>)) {
    for (const l of (def.links as Json[] | undefined) ?? []) {
      const href = String(l.href);
      const segs = href.split('/');
      const src = segs.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\~]/g, '\\$&'))).join('/');
      links.push({
        definition, method: String(l.method).toUpperCase(), href, regex: new RegExp(`^${src}$`),
        literals: segs.filter((s) => s !== '' && !s.startsWith('{')).length,
        targetSchema: l.targetSchema ?? { $ref: `#/definitions/${definition}` },
      });
    }
  }
  return links;
}

function rewriteRefs(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((x) => rewriteRefs(x, base));
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${base}${v}` : rewriteRefs(v, base);
  }
  return out;
}

export interface ValidationResult {
  ok: boolean;
  /** `METHOD href` of the schema link used, or undefined when no link matches. */
  link?: string;
  errors: string[];
}

const FORMATS: Record<string, RegExp | ((s: string) => boolean)> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)),
  date: /^\d{4}-\d\d-\d\d$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^\S+$/,
  ipv4: /^(\d{1,3}\.){3}\d{1,3}$/,
};

/** Validates response bodies against the link's targetSchema in Heroku's Platform API hyper-schema. */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly links: Link[];
  private readonly base: string;
  private readonly cache = new Map<string, ValidateFunction>();

  /**
   * `allowNewerProperties`: strict objects must still have every property the schema lists, but may carry more
   * (for checking bodies against the older version=3 copy, which lacks fields added since).
   */
  constructor(variant: '3.sdk' | '3' = '3.sdk', opts: { allowNewerProperties?: boolean } = {}) {
    const raw = (variant === '3.sdk' ? sdkSchema : v3Schema) as unknown as Json;
    this.base = `heroku-${variant}`;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    for (const [name, f] of Object.entries(FORMATS)) this.ajv.addFormat(name, f);
    // Only the definitions: the root's `properties` point at every definition, and compiling them all costs seconds.
    this.ajv.addSchema({ definitions: normalize(raw.definitions, 'definitions', opts.allowNewerProperties === true) } as Json, this.base);
    this.links = collectLinks(raw);
  }

  /** The most specific link for a concrete method and path (`/apps/foo/formation/web`). */
  findLink(method: string, path: string): Link | undefined {
    return this.links
      .filter((l) => l.method === method.toUpperCase() && l.regex.test(path))
      .sort((a, b) => b.literals - a.literals)[0];
  }

  validateResponse(method: string, path: string, body: unknown): ValidationResult {
    const link = this.findLink(method, path);
    if (!link) return { ok: false, errors: [`no schema link for ${method} ${path}`] };
    const key = `${link.method} ${link.href}`;
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(rewriteRefs(link.targetSchema, this.base) as Json);
      this.cache.set(key, fn);
    }
    const ok = fn(body) as boolean;
    return { ok, link: key, errors: ok ? [] : formatErrors(fn.errors) };
  }

  validateDefinition(definition: string, value: unknown): ValidationResult {
    const fn = this.ajv.getSchema(`${this.base}#/definitions/${definition}`);
    if (!fn) return { ok: false, errors: [`no definition ${definition}`] };
    const ok = fn(value) as boolean;
    return { ok, link: definition, errors: ok ? [] : formatErrors(fn.errors) };
  }
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
