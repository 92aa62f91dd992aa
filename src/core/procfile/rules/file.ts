// Whole-file rules: file name, byte order mark, line endings, no processes at all.
import { range } from '../../lint/types';
import type { TextEdit } from '../../lint/types';
import type { ProcfileRule } from './types';

const misnamed: ProcfileRule = {
  name: 'misnamed-file',
  severity: 'error',
  summary: 'Heroku reads only a file named exactly `Procfile` (no extension, this case).',
  check(ctx) {
    const name = ctx.options.fileName;
    if (!name) return;
    const lower = name.toLowerCase();
    const miscased = lower === 'procfile' && name !== 'Procfile';
    const txt = lower === 'procfile.txt';
    if (!miscased && !txt) return;
    // By exact name: reading `Procfile` on a case-insensitive file system finds this very file.
    const names = ctx.options.siblingNames?.();
    const hasReal = names ? names.includes('Procfile') : ctx.options.readSibling?.('Procfile') !== undefined;
    const what = miscased
      ? `Heroku ignores \`${name}\` ("Mis-cased procfile detected; ignoring"): the name must be exactly \`Procfile\`.`
      : `Heroku ignores \`${name}\`: the Procfile has no extension.`;
    ctx.report({
      severity: txt ? 'warning' : undefined,
      message: hasReal ? `${what} A \`Procfile\` exists next to it, so this file has no effect.` : `${what} Rename the file.`,
      range: range(0, 0, 0, 0),
      fixes: hasReal ? undefined : [{ title: 'Rename the file to Procfile', isPreferred: true, renameTo: 'Procfile' }],
    });
  },
};

const bom: ProcfileRule = {
  name: 'bom',
  severity: 'error',
  summary: 'A UTF-8 byte order mark at the start of the file.',
  check(ctx) {
    if (!ctx.doc.bom) return;
    const first = ctx.doc.entries[0];
    const which = first && first.line === 0 ? `\`${first.name}\`` : 'the first line';
    ctx.report({
      message: `The file starts with a byte order mark (U+FEFF), which becomes part of ${which}: the Fir build fails on it, and other parsers see a name that starts with an invisible character. Save the file as UTF-8 without BOM.`,
      range: range(0, 0, 0, 1),
      fixes: [{ title: 'Remove the byte order mark', isPreferred: true, edits: [{ range: range(0, 0, 0, 1), newText: '' }] }],
    });
  },
};

const crlf: ProcfileRule = {
  name: 'crlf',
  severity: 'warning',
  summary: 'Windows (CRLF) line endings.',
  check(ctx) {
    if (ctx.doc.crlfCount === 0) return;
    // `Procfile.windows` and friends are read only by `heroku local`, which splits lines at `\r?\n`: info there.
    const local = ctx.options.fileName !== undefined && ctx.options.fileName.toLowerCase() !== 'procfile';
    const edits: TextEdit[] = [];
    let firstEntry: number | undefined;
    for (const l of ctx.doc.lines) {
      if (!l.cr) continue;
      edits.push({ range: range(l.line, l.text.length, l.line + 1, 0), newText: '\n' });
      if (firstEntry === undefined && l.kind === 'entry') firstEntry = l.line;
    }
    const line = firstEntry ?? edits[0].range.start.line;
    const len = ctx.doc.lines[line].text.length;
    ctx.report({
      severity: local ? 'info' : undefined,
      message: local
        ? `${ctx.doc.crlfCount} line(s) end with CRLF. \`heroku local\` accepts that; Heroku itself never reads this file. Other Procfile runners may keep a \`\\r\` at the end of each command.`
        : `${ctx.doc.crlfCount} line(s) end with CRLF. Fir and \`heroku local\` accept that, but a parser that splits lines at \`\\n\` alone leaves a \`\\r\` at the end of each command (the last argument becomes e.g. \`start\\r\`), and Cedar's parser is not public. Convert the file to LF line endings.`,
      range: range(line, len, line, len),
      fixes: [{ title: 'Convert to LF line endings', isPreferred: true, eol: 'lf', edits }],
    });
  },
};

const noProcesses: ProcfileRule = {
  name: 'no-processes',
  severity: 'info',
  summary: 'The file declares no process types.',
  check(ctx) {
    if (ctx.doc.entries.length > 0 || ctx.doc.lines.some((l) => l.kind === 'invalid')) return;
    ctx.report({
      message: 'This Procfile declares no process types, so it starts nothing (the Fir build warns "Empty file, no processes defined"). Add a line like `web: <command>`.',
      range: range(0, 0, 0, ctx.doc.lines[0]?.text.length ?? 0),
    });
  },
};

export const fileRules: ProcfileRule[] = [misnamed, bom, crlf, noProcesses];
