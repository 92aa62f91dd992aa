// Rules about process type names, as Cedar (classic), Fir (CNB) and `heroku local` read them.
import { range } from '../../lint/types';
import { NAME_CLASSIC, NAME_CNB } from '../parser';
import { entryRule, type ProcfileEntry, type ProcfileRule } from './types';

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** `^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`: what the Fir (CNB) parser accepts without a rewrite. */
function isCnbName(name: string): boolean {
  const n = name.length;
  if (n === 0 || name.charCodeAt(0) === 45 || name.charCodeAt(n - 1) === 45) return false;
  for (let k = 0; k < n; k++) {
    const c = name.charCodeAt(k);
    if (!(isLower(c) || isDigit(c) || c === 45)) return false;
  }
  return true;
}

/** The name the Fir (CNB) parser would use after its lenient rewrite (lowercase, `_` -> `-`). */
export function cnbName(name: string): string {
  return name.replace(/_/g, '-').toLowerCase();
}

function renameFix(e: ProcfileEntry, to: string, title = `Rename to \`${to}\``) {
  return { title, isPreferred: true, edits: [{ range: e.nameRange, newText: to }] };
}

const invalidName = entryRule({
  name: 'invalid-process-type',
  severity: 'error',
  summary: 'Process type names may only use letters, digits, `-` and `_`.',
  checkEntry(ctx, e) {
    if (e.nameClass & NAME_CLASSIC) return;
    const fixed = e.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
    ctx.report({
      message: `\`${e.name}\` is not a valid process type: use letters, digits and \`-\` only. The Fir build fails on it and \`heroku local\` stops with a parse error (what Cedar does with it is not documented).`,
      range: e.nameRange,
      fixes: fixed ? [renameFix(e, fixed)] : undefined,
    });
  },
});

const firRewritten = entryRule({
  name: 'fir-renamed-process-type',
  severity: 'info',
  summary: 'On Fir (CNB) uppercase letters and `_` in a process type are rewritten (lowercase, `-`).',
  checkEntry(ctx, e) {
    if (e.nameClass & NAME_CNB || !(e.nameClass & NAME_CLASSIC)) return;
    const to = cnbName(e.name);
    if (!isCnbName(to)) return;
    ctx.report({
      message: `On Fir this process type becomes \`${to}\` (the buildpack lowercases and replaces \`_\` with \`-\`, with a build warning), so \`heroku ps:scale ${e.name}=1\` would not find it there. Cedar keeps \`${e.name}\`.`,
      range: e.nameRange,
      fixes: [renameFix(e, to)],
    });
  },
});

const firInvalid = entryRule({
  name: 'fir-invalid-process-type',
  severity: 'warning',
  summary: 'On Fir (CNB) a process type must start and end with a letter or digit.',
  checkEntry(ctx, e) {
    // A name Fir accepts as is is its own rewrite.
    if (e.nameClass & NAME_CNB || !(e.nameClass & NAME_CLASSIC)) return;
    const to = cnbName(e.name);
    if (isCnbName(to)) return;
    const fixed = to.replace(/^-+|-+$/g, '');
    ctx.report({
      message: `\`${e.name}\` starts or ends with \`-\`${e.name !== to ? ' (after the rewrite to `' + to + '`)' : ''}: the Fir build fails on it.`,
      range: e.nameRange,
      fixes: fixed ? [renameFix(e, fixed)] : undefined,
    });
  },
});

const tooLong = entryRule({
  name: 'process-type-too-long',
  severity: 'warning',
  summary: 'On Fir (CNB) a process type is at most 63 characters.',
  checkEntry(ctx, e) {
    if (e.name.length <= 63 || !(e.nameClass & NAME_CLASSIC)) return;
    ctx.report({
      message: `This process type has ${e.name.length} characters; the Fir build fails above 63. Shorten it.`,
      range: range(e.line, e.nameRange.start.character + 63, e.line, e.nameRange.end.character),
    });
  },
});

/**
 * Each declaration that a later one of the same name overrides, as flat pairs [index, winner index] from the
 * last entry backwards (the winner is the last declaration of the name). An open-addressing table of entry
 * indices keyed by an FNV-1a hash of the name: several times faster than a Map<string> on fresh name strings.
 */
function overriddenDeclarations(entries: readonly ProcfileEntry[]): number[] {
  const n = entries.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const pairs: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const name = entries[i].name;
    let h = 0x811c9dc5;
    for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 16777619);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = table[slot];
      if (j < 0) {
        table[slot] = i;
        break;
      }
      if (entries[j].name === name) {
        pairs.push(i, j);
        break;
      }
    }
  }
  return pairs;
}

const duplicate: ProcfileRule = {
  name: 'duplicate-process-type',
  severity: 'warning',
  summary: 'A process type declared twice: only the last declaration is used.',
  check(ctx) {
    const entries = ctx.doc.entries;
    const pairs = overriddenDeclarations(entries);
    for (let k = pairs.length - 2; k >= 0; k -= 2) {
      const e = entries[pairs[k]];
      if (e.command === '' || ctx.explained.has(e.line)) continue;
      const winner = entries[pairs[k + 1]];
      const lineEnd = e.line + 1 < ctx.doc.lines.length ? range(e.line, 0, e.line + 1, 0) : range(e.line, 0, e.line, ctx.doc.lines[e.line].text.length);
      ctx.report({
        message: `\`${e.name}\` is declared again on line ${winner.line + 1}; Heroku uses only the last one, so this command never runs. Remove one of them or rename it.`,
        range: e.nameRange,
        tags: ['unnecessary'],
        related: [{ range: winner.nameRange, message: `the declaration that wins` }],
        fixes: [{ title: 'Remove this earlier declaration', isPreferred: true, edits: [{ range: lineEnd, newText: '' }] }],
      });
    }
  },
};

/**
 * Declarations with different names that Fir's rewrite (lowercase, `_` -> `-`) makes the same, e.g. `Web` and `web`:
 * the buildpack warns "Duplicate key" and keeps the last. Exact duplicates are `duplicate-process-type`'s.
 */
const firDuplicate: ProcfileRule = {
  name: 'fir-duplicate-process-type',
  severity: 'warning',
  summary: 'Two process types that Fir (CNB) rewrites to the same name (`Web` and `web`, `web_1` and `web-1`): only the last is used there.',
  check(ctx) {
    const entries = ctx.doc.entries;
    // Only a name Fir rewrites can collide with a different one: most files have none, so nothing is built.
    if (!entries.some((e) => (e.nameClass & (NAME_CNB | NAME_CLASSIC)) === NAME_CLASSIC)) return;
    const firName = (e: ProcfileEntry) => (e.command !== '' && e.nameClass & NAME_CLASSIC && isCnbName(cnbName(e.name)) ? cnbName(e.name) : undefined);
    const lastFir = new Map<string, number>();
    const lastExact = new Map<string, number>();
    entries.forEach((e, i) => {
      const to = firName(e);
      if (to === undefined) return;
      lastFir.set(to, i);
      lastExact.set(e.name, i);
    });
    entries.forEach((e, i) => {
      const to = firName(e);
      if (to === undefined || ctx.explained.has(e.line)) return;
      const w = lastFir.get(to) ?? i;
      // The winner itself, or an earlier copy of the same name (duplicate-process-type reports that one).
      if (w === i || lastExact.get(e.name) !== i) return;
      const winner = entries[w];
      ctx.report({
        message: `On Fir \`${e.name}\` and \`${winner.name}\` (line ${winner.line + 1}) are both \`${to}\`: the build warns about a duplicate key and only the last declaration runs, so this command never does. Cedar does not rewrite names. Rename one of them.`,
        range: e.nameRange,
        related: [{ range: winner.nameRange, message: `the declaration Fir uses for \`${to}\`` }],
      });
    });
  },
};

const spaceBeforeColon = entryRule({
  name: 'space-before-colon',
  severity: 'error',
  summary: 'The colon must follow the process type directly (`web: …`, not `web : …`).',
  checkEntry(ctx, e) {
    if (!e.spaceBeforeColon) return;
    const r = range(e.line, e.nameRange.end.character, e.line, e.colon);
    ctx.report({
      message: 'Space between the process type and the colon: the Fir build fails on it and `heroku local` stops with a parse error (what Cedar does with it is not documented). Remove the space.',
      range: r,
      fixes: [{ title: 'Remove the space before the colon', isPreferred: true, edits: [{ range: r, newText: '' }] }],
    });
  },
});

const leadingWhitespace = entryRule({
  name: 'leading-whitespace',
  severity: 'warning',
  summary: 'A declaration indented with spaces or tabs.',
  checkEntry(ctx, e) {
    const start = e.line === 0 && ctx.doc.bom ? 1 : 0;
    // The parser skips spaces and tabs from `start` to the name: indented exactly when one is there.
    const c = ctx.doc.lines[e.line].text.charCodeAt(start);
    if (c !== 32 && c !== 9) return;
    const r = range(e.line, start, e.line, e.nameRange.start.character);
    ctx.report({
      message: 'This declaration is indented: Fir strips the indentation with a build warning, and `heroku local` before Heroku CLI 11.1.1 (node-foreman\'s `^name:` pattern) fails on it. Remove the indentation.',
      range: r,
      fixes: [{ title: 'Remove the indentation', isPreferred: true, edits: [{ range: r, newText: '' }] }],
    });
  },
});

export const nameRules: ProcfileRule[] = [invalidName, firRewritten, firInvalid, tooLong, duplicate, firDuplicate, spaceBeforeColon, leadingWhitespace];
