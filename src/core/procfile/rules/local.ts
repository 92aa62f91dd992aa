// What `heroku local` (Heroku CLI) rejects that Heroku itself accepts. The parser Heroku CLI 11.1.1 brought
// throws "line N parse error" for any line that contains a word character but does not start with `\s*\w+:`
// (heroku/cli#3636, #3653); later releases skip comments (#3641) and accept `-` (#3883), older ones used
// node-foreman's parser. Info everywhere: both are fixed upstream, Heroku itself accepts both, and `Procfile.dev`
// is as often run by foreman or overmind (Rails' bin/dev), which accept both too.
import { range } from '../../lint/types';
import { NAME_CLASSIC, NAME_WORD } from '../parser';
import { entryRule, type ProcfileRule } from './types';

const WORD = /\w/;
const DIRECTIVE = /^\s*#\s*heroku-lint-disable/;

const localName = entryRule({
  name: 'heroku-local-name',
  severity: 'info',
  summary: '`heroku local` of Heroku CLI 11.1.1 and later (until fixed) accepts only letters, digits and `_` in a process type (no `-`).',
  checkEntry(ctx, e) {
    if (e.nameClass & NAME_WORD || !(e.nameClass & NAME_CLASSIC) || e.spaceBeforeColon) return;
    const to = e.name.replace(/-/g, '_');
    ctx.report({
      message: `\`heroku local\` from Heroku CLI 11.1.1 until its fix for heroku/cli#3653 (merged in heroku/cli#3883) stops with "line ${e.line + 1} parse error" on \`${e.name}\`: that parser accepts only letters, digits and \`_\` before the colon. Heroku itself and older CLIs accept the name.`,
      range: e.nameRange,
      fixes: [{ title: `Rename to \`${to}\``, edits: [{ range: e.nameRange, newText: to }] }],
    });
  },
});

const localComment: ProcfileRule = {
  name: 'heroku-local-comment',
  severity: 'info',
  summary: '`heroku local` of Heroku CLI 11.1.1 fails on a comment line that contains words.',
  check(ctx) {
    // Reported once, on the first such comment: heroku local stops there anyway.
    // Our own `# heroku-lint-disable…` directives are left out: the user added them on purpose (docs/RULES.md
    // says that `heroku local` trips over them too).
    const hits = ctx.doc.lines.filter((l) => l.kind === 'comment' && WORD.test(l.text) && !DIRECTIVE.test(l.text));
    if (hits.length === 0) return;
    const l = hits[0];
    const start = l.text.indexOf('#');
    const more = hits.length > 1 ? ` (and ${hits.length - 1} more comment line${hits.length > 2 ? 's' : ''})` : '';
    ctx.report({
      message: `\`heroku local\` in Heroku CLI 11.1.1 reads only \`name: command\` lines and stops with "line ${l.line + 1} parse error" on this comment${more} (heroku/cli#3636, fixed by #3641 in a later release). Heroku ignores comments; update the CLI, or remove the comments if you run this file with that version.`,
      range: range(l.line, start, l.line, l.text.length),
    });
  },
};

export const localRules: ProcfileRule[] = [localName, localComment];
