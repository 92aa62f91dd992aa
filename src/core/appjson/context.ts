// What every app.json check gets: the parsed value, the tree for ranges, and helpers to report against a path.
import type { Node } from 'jsonc-parser';
import type { Fix, Problem, Severity } from '../lint/types';
import { at, headRange, keyNode, nodeRange } from './nodes';
import type { LineIndex } from '../lint/positions';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface CheckContext {
  value: JsonObject;
  /** The position tree, built on first use (see fast-path.ts). */
  tree: () => Node;
  lines: LineIndex;
  /** Process types the app declares (Procfile, or heroku.yml for the container stack); undefined when unknown. */
  processTypes?: { names: string[]; source: string };
  problems: Problem[];
}

export interface ReportOptions {
  /** Underline the key of the property instead of its value. */
  onKey?: boolean;
  /** A fix that replaces the reported text with `newText`. */
  replace?: { title: string; newText: string; isPreferred?: boolean };
  tags?: Problem['tags'];
}

export function report(ctx: CheckContext, code: string, severity: Severity, path: (string | number)[], message: string, opts: ReportOptions = {}): void {
  const node = at(ctx.tree(), path);
  let range;
  if (!node) {
    range = ctx.lines.range(0, 0);
  } else if (opts.onKey) {
    range = headRange(ctx.lines, node);
  } else {
    range = nodeRange(ctx.lines, node);
  }
  const fixes: Fix[] | undefined = opts.replace
    ? [{ title: opts.replace.title, edits: [{ range, newText: opts.replace.newText }], isPreferred: opts.replace.isPreferred }]
    : undefined;
  ctx.problems.push({ code, severity, message, range, ...(fixes ? { fixes } : {}), ...(opts.tags ? { tags: opts.tags } : {}) });
}

/** Range of the key `name` inside the object at `path` (for unknown keys). */
export function keyRangeAt(ctx: CheckContext, path: (string | number)[], name: string) {
  const key = keyNode(at(ctx.tree(), path), name);
  return key ? nodeRange(ctx.lines, key) : ctx.lines.range(0, 0);
}

/** The top level plus each of environments.test / environments.review that is an object: [path prefix, object]. */
export function scopes(value: JsonObject): [(string | number)[], JsonObject][] {
  const out: [(string | number)[], JsonObject][] = [[[], value]];
  const envs = value.environments;
  if (isObject(envs)) {
    for (const name of ['test', 'review']) {
      const e = envs[name];
      if (isObject(e)) out.push([['environments', name], e]);
    }
  }
  return out;
}
