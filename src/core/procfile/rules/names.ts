// Rules about process type names, as Cedar (classic), Fir (CNB) and `heroku local` read them.
import { range } from '../../lint/types';
import type { ProcfileEntry, ProcfileRule, RuleContext } from './types';

const CLASSIC = /^[A-Za-z0-9_-]+$/;
const CNB = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** The name the Fir (CNB) parser would use after its lenient rewrite (lowercase, `_` -> `-`). */
export function cnbName(name: string): string {
  return name.replace(/_/g, '-').toLowerCase();
}

function renameFix(e: ProcfileEntry, to: string, title = `Rename to \`${to}\``) {
  return { title, isPreferred: true, edits: [{ range: e.nameRange, newText: to }] };
}

function forEntries(ctx: RuleContext, fn: (e: ProcfileEntry, i: number) => void): void {
  ctx.doc.entries.forEach((e, i) => {
    if (!ctx.explained.has(e.line)) fn(e, i);
  });
}

const invalidName: ProcfileRule = {
  name: 'invalid-process-type',
  severity: 'error',
  summary: 'Process type names may only use letters, digits, `-` and `_`.',
  check(ctx) {
    forEntries(ctx, (e) => {
      if (CLASSIC.test(e.name) || ctx.explained.has(e.line)) return;
      const fixed = e.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
      ctx.report({
        message: `\`${e.name}\` is not a valid process type: use letters, digits and \`-\` only. Cedar ignores this line and the Fir build fails on it.`,
        range: e.nameRange,
        fixes: fixed ? [renameFix(e, fixed)] : undefined,
      });
    });
  },
};

const firRewritten: ProcfileRule = {
  name: 'fir-renamed-process-type',
  severity: 'info',
  summary: 'On Fir (CNB) uppercase letters and `_` in a process type are rewritten (lowercase, `-`).',
  check(ctx) {
    forEntries(ctx, (e) => {
      if (!CLASSIC.test(e.name) || CNB.test(e.name)) return;
      const to = cnbName(e.name);
      if (!CNB.test(to)) return;
      ctx.report({
        message: `On Fir this process type becomes \`${to}\` (the buildpack lowercases and replaces \`_\` with \`-\`, with a build warning), so \`heroku ps:scale ${e.name}=1\` would not find it there. Cedar keeps \`${e.name}\`.`,
        range: e.nameRange,
        fixes: [renameFix(e, to)],
      });
    });
  },
};

const firInvalid: ProcfileRule = {
  name: 'fir-invalid-process-type',
  severity: 'warning',
  summary: 'On Fir (CNB) a process type must start and end with a letter or digit.',
  check(ctx) {
    forEntries(ctx, (e) => {
      if (!CLASSIC.test(e.name)) return;
      const to = cnbName(e.name);
      if (CNB.test(to)) return;
      const fixed = to.replace(/^-+|-+$/g, '');
      ctx.report({
        message: `\`${e.name}\` starts or ends with \`-\`${e.name !== to ? ' (after the rewrite to `' + to + '`)' : ''}: the Fir build fails on it. Cedar accepts it.`,
        range: e.nameRange,
        fixes: fixed ? [renameFix(e, fixed)] : undefined,
      });
    });
  },
};

const tooLong: ProcfileRule = {
  name: 'process-type-too-long',
  severity: 'warning',
  summary: 'On Fir (CNB) a process type is at most 63 characters.',
  check(ctx) {
    forEntries(ctx, (e) => {
      if (e.name.length <= 63 || !CLASSIC.test(e.name)) return;
      ctx.report({
        message: `This process type has ${e.name.length} characters; the Fir build fails above 63. Shorten it.`,
        range: range(e.line, e.nameRange.start.character + 63, e.line, e.nameRange.end.character),
      });
    });
  },
};

const duplicate: ProcfileRule = {
  name: 'duplicate-process-type',
  severity: 'warning',
  summary: 'A process type declared twice: only the last declaration is used.',
  check(ctx) {
    const last = new Map<string, ProcfileEntry>();
    for (const e of ctx.doc.entries) last.set(e.name, e);
    forEntries(ctx, (e) => {
      const winner = last.get(e.name);
      if (!winner || winner === e || e.command === '') return;
      const lineEnd = e.line + 1 < ctx.doc.lines.length ? range(e.line, 0, e.line + 1, 0) : range(e.line, 0, e.line, ctx.doc.lines[e.line].text.length);
      ctx.report({
        message: `\`${e.name}\` is declared again on line ${winner.line + 1}; Heroku uses only the last one, so this command never runs. Remove one of them or rename it.`,
        range: e.nameRange,
        tags: ['unnecessary'],
        related: [{ range: winner.nameRange, message: `the declaration that wins` }],
        fixes: [{ title: 'Remove this earlier declaration', isPreferred: true, edits: [{ range: lineEnd, newText: '' }] }],
      });
    });
  },
};

const spaceBeforeColon: ProcfileRule = {
  name: 'space-before-colon',
  severity: 'error',
  summary: 'The colon must follow the process type directly (`web: …`, not `web : …`).',
  check(ctx) {
    forEntries(ctx, (e) => {
      if (!e.spaceBeforeColon) return;
      const r = range(e.line, e.nameRange.end.character, e.line, e.colon);
      ctx.report({
        message: 'Space between the process type and the colon: Cedar ignores this line and the Fir build fails on it. Remove the space.',
        range: r,
        fixes: [{ title: 'Remove the space before the colon', isPreferred: true, edits: [{ range: r, newText: '' }] }],
      });
    });
  },
};

const leadingWhitespace: ProcfileRule = {
  name: 'leading-whitespace',
  severity: 'warning',
  summary: 'A declaration indented with spaces or tabs.',
  check(ctx) {
    forEntries(ctx, (e) => {
      const start = e.line === 0 && ctx.doc.bom ? 1 : 0;
      if (e.nameRange.start.character === start) return;
      const r = range(e.line, start, e.line, e.nameRange.start.character);
      ctx.report({
        message: 'This declaration is indented. Parsers that anchor the process type at the start of the line (Cedar-style `^name:`) skip it, and Fir strips the indent with a build warning. Remove the indentation.',
        range: r,
        fixes: [{ title: 'Remove the indentation', isPreferred: true, edits: [{ range: r, newText: '' }] }],
      });
    });
  },
};

export const nameRules: ProcfileRule[] = [invalidName, firRewritten, firInvalid, tooLong, duplicate, spaceBeforeColon, leadingWhitespace];
