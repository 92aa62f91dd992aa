// What `heroku local` (Heroku CLI) rejects that Heroku itself accepts. Its parser throws "line N parse error"
// for any line that contains a word character but does not start with `\s*\w+:`. A Procfile.* file is only
// ever read by `heroku local -f`, so there these are warnings; in the deployed Procfile they are info.
import { range } from '../../lint/types';
import { isClassicName, isWordName } from './names';
import { entryRule, type ProcfileRule, type RuleContext } from './types';

const WORD = /\w/;
const DECLARATION = /^\s*\w+:/;
const DIRECTIVE = /^\s*#\s*heroku-lint-disable/;

function severityFor(ctx: RuleContext) {
  const name = ctx.options.fileName ?? 'Procfile';
  return name.includes('.') ? ('warning' as const) : ('info' as const);
}

const localName = entryRule({
  name: 'heroku-local-name',
  severity: 'info',
  summary: '`heroku local` accepts only letters, digits and `_` in a process type (no `-`).',
  checkEntry(ctx, e) {
    if (isWordName(e.name) || !isClassicName(e.name) || e.spaceBeforeColon) return;
    const to = e.name.replace(/-/g, '_');
    ctx.report({
      severity: severityFor(ctx),
      message: `\`heroku local\` stops with "line ${e.line + 1} parse error" on \`${e.name}\`: its parser accepts only letters, digits and \`_\` before the colon. Heroku itself accepts the name.`,
      range: e.nameRange,
      fixes: [{ title: `Rename to \`${to}\``, edits: [{ range: e.nameRange, newText: to }] }],
    });
  },
});

const localComment: ProcfileRule = {
  name: 'heroku-local-comment',
  severity: 'info',
  summary: '`heroku local` fails on a comment line that contains words.',
  check(ctx) {
    // Reported once, on the first such comment: heroku local stops there anyway.
    // Our own `# heroku-lint-disable…` directives are left out: the user added them on purpose (docs/RULES.md
    // says that `heroku local` trips over them too).
    const hits = ctx.doc.lines.filter((l) => l.kind === 'comment' && WORD.test(l.text) && !DECLARATION.test(l.text) && !DIRECTIVE.test(l.text));
    if (hits.length === 0) return;
    const l = hits[0];
    const start = l.text.indexOf('#');
    const more = hits.length > 1 ? ` (and ${hits.length - 1} more comment line${hits.length > 2 ? 's' : ''})` : '';
    ctx.report({
      severity: severityFor(ctx),
      message: `\`heroku local\` reads only \`name: command\` lines and stops with "line ${l.line + 1} parse error" on this comment${more}. Heroku ignores comments; remove them if you run this file with \`heroku local\`.`,
      range: range(l.line, start, l.line, l.text.length),
    });
  },
};

export const localRules: ProcfileRule[] = [localName, localComment];
