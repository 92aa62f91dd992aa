// Comment directives: `# heroku-lint-disable-next-line [code ...]` silences the next non-blank line;
// `# heroku-lint-disable [code ...]` silences the whole file. No code means every rule.
// Codes may be separated by spaces or commas; the `procfile/` prefix is optional.
import type { ProcfileDocument } from './parser';

export interface Directive {
  line: number;
  kind: 'next-line' | 'file';
  /** Full codes; empty = all. */
  codes: { code: string; start: number; end: number }[];
  /** The line the directive applies to (next-line only). */
  target?: number;
}

const RE = /^\s*#\s*heroku-lint-disable(-next-line)?(?=\s|$)(.*)$/;

export function parseDirectives(doc: ProcfileDocument): Directive[] {
  const out: Directive[] = [];
  for (const l of doc.lines) {
    if (l.kind !== 'comment') continue;
    const m = RE.exec(l.text);
    if (!m) continue;
    const codes: Directive['codes'] = [];
    const restStart = l.text.length - m[2].length;
    const word = /[^\s,]+/g;
    for (let w = word.exec(m[2]); w; w = word.exec(m[2])) {
      if (w[0].startsWith('--')) break; // `-- reason` ends the list
      const code = w[0].includes('/') ? w[0] : `procfile/${w[0]}`;
      codes.push({ code, start: restStart + w.index, end: restStart + w.index + w[0].length });
    }
    const d: Directive = { line: l.line, kind: m[1] ? 'next-line' : 'file', codes };
    if (d.kind === 'next-line') {
      let t = l.line + 1;
      while (t < doc.lines.length && doc.lines[t].kind === 'blank') t++;
      if (t < doc.lines.length) d.target = t;
    }
    out.push(d);
  }
  return out;
}
