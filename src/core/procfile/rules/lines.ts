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
        message: 'This line is wrapped in quotes, so Heroku does not read it as `type: command` (the Fir build fails on it; Cedar ignores it). Remove the quotes.',
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
        message: 'A Procfile comment starts with `#`; `//` is read as a process declaration, which fails the Fir build (and a `//x: y` line would even start a process on Cedar).',
        range: r,
        fixes: [{ title: 'Turn into a `#` comment', isPreferred: true, edits: [{ range: range(l.line, at, l.line, at + 2), newText: '#' }] }],
      });
    }
  },
};

const templateSyntax: ProcfileRule = {
  name: 'template-syntax',
  severity: 'error',
  summary: 'Unrendered template markup (`{{ … }}`, `{% … %}`) reaches Heroku literally.',
  check(ctx) {
    const re = /\{\{.*?\}\}|\{%.*?%\}|<%.*?%>/g;
    for (const l of ctx.doc.lines) {
      if (l.kind === 'comment' || l.kind === 'blank') continue;
      // Every match starts with `{{`, `{%` or `<%`.
      if (l.text.indexOf('{{') < 0 && l.text.indexOf('{%') < 0 && l.text.indexOf('<%') < 0) continue;
      const entryIdx = l.entry;
      const entry = entryIdx === undefined ? undefined : ctx.doc.entries[entryIdx];
      re.lastIndex = 0;
      for (let m = re.exec(l.text); m; m = re.exec(l.text)) {
        const at = m.index;
        if (entry && entryIdx !== undefined && at >= entry.commandRange.start.character) {
          // Inside the command: only unquoted markup is suspicious (`--format '{{.Name}}'` is fine).
          const off = at - entry.commandRange.start.character;
          const inside = ctx.scan(entryIdx).unquoted.some(([s, e]) => off >= s && off < e);
          if (!inside) continue;
        }
        ctx.explained.add(l.line);
        ctx.report({
          message: `\`${m[0]}\` looks like template markup that was never rendered; Heroku runs the Procfile as written. Render the template before deploying or write the value directly.`,
          range: range(l.line, at, l.line, at + m[0].length),
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
      while (more && j < lines.length && lines[j].kind !== 'blank') {
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
        message: `This line is not \`<process type>: <command>\`. On Fir (Cloud Native Buildpacks) the build fails; Cedar silently ignores the line; \`heroku local\` reports a parse error. ${hint}`,
        range: r,
      });
    }
  },
};

/** Order matters: specific explanations first, then `invalid-line` for the rest. */
export const lineRules: ProcfileRule[] = [quotedLine, slashComment, templateSyntax, lineContinuation, invalidLine];
