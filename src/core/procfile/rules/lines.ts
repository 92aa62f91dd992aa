// Rules about lines that are not `type: command`: what each parser will do with them and how to repair them.
import { range } from '../../lint/types';
import type { ProcfileRule, RuleContext } from './types';

function lineRange(ctx: RuleContext, line: number) {
  const text = ctx.doc.lines[line].text;
  let s = 0;
  while (s < text.length && (text[s] === ' ' || text[s] === '\t' || text[s] === '\uFEFF')) s++;
  return range(line, s, line, text.length);
}

const QUOTED = /^(["'])([A-Za-z0-9_-]+\s*:.*)\1$/;

/** After spaces, tabs and a BOM (what lineRange skips), the line starts with `//`. */
function startsWithSlashes(text: string): boolean {
  let s = 0;
  for (let c = text.charCodeAt(0); c === 32 || c === 9 || c === 0xfeff; c = text.charCodeAt(++s));
  return text.charCodeAt(s) === 47 && text.charCodeAt(s + 1) === 47;
}

/** The line ends in `\` plus optional spaces/tabs (checked by hand before any regex runs). */
function endsInBackslash(text: string): boolean {
  let e = text.length;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return e > 0 && text.charCodeAt(e - 1) === 92;
}

const quotedLine: ProcfileRule = {
  name: 'quoted-line',
  severity: 'error',
  summary: 'A whole line wrapped in quotes is not a process declaration.',
  check(ctx) {
    for (const l of ctx.doc.lines) {
      // After trim() the line must start with a quote: a printable ASCII first character that is not one rules it out.
      const c0 = l.text.charCodeAt(0);
      if (c0 > 32 && c0 < 127 && c0 !== 34 && c0 !== 39) continue;
      if (l.text.indexOf('"') < 0 && l.text.indexOf("'") < 0) continue;
      const m = QUOTED.exec(l.text.trim());
      if (!m) continue;
      ctx.explained.add(l.line);
      const r = lineRange(ctx, l.line);
      ctx.report({
        message: 'This line is wrapped in quotes, so it is not read as `type: command`: the Fir build fails on it and `heroku local` stops with a parse error (what Cedar does with it is not documented). Remove the quotes.',
        range: r,
        fixes: [{ title: 'Remove the surrounding quotes', isPreferred: true, edits: [{ range: r, newText: m[2] }] }],
      });
    }
  },
};

const slashComment: ProcfileRule = {
  name: 'slash-comment',
  severity: 'error',
  summary: '`//` does not start a comment in a Procfile; only `#` does.',
  check(ctx) {
    for (const l of ctx.doc.lines) {
      if (!startsWithSlashes(l.text)) continue;
      const r = lineRange(ctx, l.line);
      ctx.explained.add(l.line);
      const at = r.start.character;
      ctx.report({
        message: 'A Procfile comment starts with `#`; `//` is read as a process declaration, which fails the Fir build and `heroku local` (what Cedar does with it is not documented).',
        range: r,
        fixes: [{ title: 'Turn into a `#` comment', isPreferred: true, edits: [{ range: range(l.line, at, l.line, at + 2), newText: '#' }] }],
      });
    }
  },
};

const TEMPLATE_OPEN = ['{{', '{%', '<%'];
const TEMPLATE_CLOSE = ['}}', '%}', '%>'];

/**
 * The `{{…}}`, `{%…%}` and `<%…%>` spans of a line as flat [start, end) pairs, left to right and not overlapping
 * (what `/\{\{.*?\}\}|\{%.*?%\}|<%.*?%>/g` finds), in linear time: each kind's next opener is searched once per
 * match, and a kind whose closer is missing is dropped (no later opener of it can close either).
 */
export function templateSpans(text: string): number[] {
  const out: number[] = [];
  const next = [-2, -2, -2]; // next opener of each kind; -2: not searched yet, -1: none left
  let pos = 0;
  for (;;) {
    let at = -1;
    let kind = -1;
    for (let k = 0; k < 3; k++) {
      if (next[k] !== -1 && next[k] < pos) next[k] = text.indexOf(TEMPLATE_OPEN[k], pos);
      if (next[k] >= 0 && (at < 0 || next[k] < at)) {
        at = next[k];
        kind = k;
      }
    }
    if (kind < 0) return out;
    const close = text.indexOf(TEMPLATE_CLOSE[kind], at + 2);
    if (close < 0) {
      next[kind] = -1;
      continue;
    }
    out.push(at, close + 2);
    pos = close + 2;
  }
}

const templateSyntax: ProcfileRule = {
  name: 'template-syntax',
  severity: 'error',
  summary: 'Unrendered template markup (`{{ … }}`, `{% … %}`) reaches Heroku literally.',
  check(ctx) {
    for (const l of ctx.doc.lines) {
      if (l.kind === 'comment' || l.kind === 'blank') continue;
      // Every match starts with `{{`, `{%` or `<%`.
      if (l.text.indexOf('{{') < 0 && l.text.indexOf('{%') < 0 && l.text.indexOf('<%') < 0) continue;
      const spans = templateSpans(l.text);
      if (spans.length === 0) continue;
      const entryIdx = l.entry;
      const entry = entryIdx === undefined ? undefined : ctx.doc.entries[entryIdx];
      const cmdStart = entry ? entry.commandRange.start.character : l.text.length;
      const unquoted = entryIdx === undefined ? [] : ctx.scan(entryIdx).unquoted;
      let u = 0; // spans and unquoted runs both ascend: one walk over each
      for (let k = 0; k < spans.length; k += 2) {
        const at = spans[k];
        if (at >= cmdStart) {
          // Inside the command: only unquoted markup is suspicious (`--format '{{.Name}}'` is fine).
          const off = at - cmdStart;
          while (u < unquoted.length && unquoted[u][1] <= off) u++;
          if (u === unquoted.length || unquoted[u][0] > off) continue;
        }
        const markup = l.text.slice(at, spans[k + 1]);
        ctx.explained.add(l.line);
        ctx.report({
          message: `\`${markup.length > 80 ? markup.slice(0, 77) + '…' : markup}\` looks like template markup that was never rendered; Heroku runs the Procfile as written. Render the template before deploying or write the value directly.`,
          range: range(l.line, at, l.line, spans[k + 1]),
        });
      }
    }
  },
};

const lineContinuation: ProcfileRule = {
  name: 'line-continuation',
  severity: 'error',
  summary: 'A trailing `\\` does not continue a Procfile line; each line is read on its own.',
  check(ctx) {
    const lines = ctx.doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.kind !== 'entry' || !endsInBackslash(l.text) || !/(^|[^\\])(\\\\)*\\[ \t]*$/.test(l.text)) continue;
      let j = i + 1;
      const parts: string[] = [];
      let endLine = i;
      let more = true;
      // A blank line or a `# comment` ends what the user meant to continue: neither is pulled into the command.
      while (more && j < lines.length && lines[j].kind !== 'blank' && lines[j].kind !== 'comment') {
        ctx.explained.add(j);
        parts.push(lines[j].text.trim());
        endLine = j;
        more = /\\[ \t]*$/.test(lines[j].text);
        j++;
      }
      const start = l.text.search(/\\[ \t]*$/);
      const fixes = parts.length
        ? [{
            title: 'Join the continued lines into one',
            isPreferred: true,
            edits: [{
              range: range(i, start, endLine, lines[endLine].text.length),
              newText: (/[ \t]/.test(l.text[start - 1] ?? ' ') ? '' : ' ') + parts.map((p) => p.replace(/\s*\\$/, '')).join(' '),
            }],
          }]
        : undefined;
      ctx.report({
        message: 'A Procfile command must fit on one line: the `\\` is passed to the shell at the end of the command and the next line is read as a separate (invalid) declaration. Join the lines.',
        range: range(i, start, i, l.text.length),
        fixes,
      });
    }
  },
};

const invalidLine: ProcfileRule = {
  name: 'invalid-line',
  severity: 'error',
  summary: 'A line that is not `<process type>: <command>`, a `#` comment or blank.',
  check(ctx) {
    for (const l of ctx.doc.lines) {
      if (l.kind !== 'invalid' || ctx.explained.has(l.line)) continue;
      const r = lineRange(ctx, l.line);
      const hint = l.text.includes(':')
        ? 'The process type before the colon must be one word (letters, digits, `-`, `_`).'
        : 'Add a process type, e.g. `web: ' + l.text.trim() + '`, or make it a `#` comment.';
      ctx.report({
        message: `This line is not \`<process type>: <command>\`. On Fir (Cloud Native Buildpacks) the build fails and \`heroku local\` stops with a parse error; Cedar's lax parser may skip the line or run part of it. ${hint}`,
        range: r,
      });
    }
  },
};

/** Order matters: specific explanations first, then `invalid-line` for the rest. */
export const lineRules: ProcfileRule[] = [quotedLine, slashComment, templateSyntax, lineContinuation, invalidLine];
