// Rules about the command: ports for the web process and a light shell check (what `bash -c` would reject).
import { range } from '../../lint/types';
import { listenFacts, type ListenFacts } from '../listen';
import { entryRule, type ProcfileEntry, type ProcfileRule, type RuleContext } from './types';

function at(e: ProcfileEntry, from: number, to: number) {
  const c = e.commandRange.start.character;
  return range(e.line, c + from, e.line, c + to);
}

function code(ctx: RuleContext, i: number): string {
  const e = ctx.doc.entries[i];
  return e.command.slice(0, ctx.scan(i).codeEnd);
}

/** Procfile.dev and friends are only run by `heroku local`, where a fixed port is a deliberate choice. */
function deployed(ctx: RuleContext): boolean {
  const name = ctx.options.fileName;
  return name === undefined || name.toLowerCase() === 'procfile';
}

/** A web declaration in the deployed Procfile, the only place where port and bind checks apply. */
function deployedWeb(ctx: RuleContext, e: ProcfileEntry): boolean {
  return e.name === 'web' && e.command !== '' && deployed(ctx);
}

/** Where the web declaration at entry `i` listens (computed once per entry for both port rules). */
function facts(ctx: RuleContext, e: ProcfileEntry, i: number): ListenFacts {
  const cached = factsCache.get(e);
  if (cached) return cached;
  const f = listenFacts(code(ctx, i));
  factsCache.set(e, f);
  return f;
}
const factsCache = new WeakMap<ProcfileEntry, ListenFacts>();

const fixedPort = entryRule({
  name: 'fixed-port',
  severity: 'error',
  summary: 'The web process binds a fixed port instead of `$PORT`.',
  checkEntry(ctx, e, i) {
    if (!deployedWeb(ctx, e)) return;
    for (const p of facts(ctx, e, i).fixedPorts) {
      ctx.report({
        message: `The web process listens on port ${p.text}, but Heroku assigns the port in \`$PORT\`: the router cannot reach it and the dyno is stopped with R10 (boot timeout) after 60 seconds. Use \`$PORT\`.`,
        range: at(e, p.from, p.to),
        fixes: [{ title: 'Replace with $PORT', isPreferred: true, edits: [{ range: at(e, p.from, p.to), newText: '$PORT' }] }],
      });
    }
  },
});

const localhostBind = entryRule({
  name: 'localhost-bind',
  severity: 'warning',
  summary: 'The web process binds only to localhost, which the Heroku router cannot reach.',
  checkEntry(ctx, e, i) {
    if (!deployedWeb(ctx, e)) return;
    for (const h of facts(ctx, e, i).localhostBinds) {
      ctx.report({
        message: `The web process binds to ${h.text} only; Heroku's router connects from outside the dyno, so the app is unreachable (R10 boot timeout). Bind to 0.0.0.0 (Fir apps listen on IPv6: \`[::]\`).`,
        range: at(e, h.from, h.to),
        fixes: [{ title: 'Bind to 0.0.0.0', isPreferred: true, edits: [{ range: at(e, h.from, h.to), newText: '0.0.0.0' }] }],
      });
    }
  },
});

// `PORT` where a port goes: after a port option, after `name=` where the name says port (`--port=`,
// `-Dserver.port=`, `SERVER_PORT=`), after a `host:`, or as what `$(echo PORT)` prints. Not `echo PORT is $PORT`
// (plain text) nor `VAR=PORT` for other names (a tool may take the variable's name). Each `PORT` is found with
// indexOf and only the text just before it is tested: a pattern that starts anywhere would be slow on long lines.
const BEFORE_BARE_PORT = [/(?:^|\s)(?:-p|--port|--http-port)\s+$/, /(?:port|PORT|Port)=$/, /:$/, /(?:\$\(|`)\s*echo\s+$/];

/** Offsets of each literal `PORT` in `cmd` that stands where a port number goes. */
function barePorts(cmd: string): number[] {
  const out: number[] = [];
  for (let p = cmd.indexOf('PORT'); p >= 0; p = cmd.indexOf('PORT', p + 4)) {
    if (/[\w=]/.test(cmd[p + 4] ?? '')) continue;
    const q = cmd[p - 1] === '"' || cmd[p - 1] === "'" ? p - 1 : p;
    const start = Math.max(0, q - 40);
    // Past the window's start, `^` must not match there: a leading character that is not a space keeps it honest.
    const before = (start > 0 ? '_' : '') + cmd.slice(start, q);
    if (BEFORE_BARE_PORT.some((re) => re.test(before))) out.push(p);
  }
  return out;
}

const portWithoutDollar = entryRule({
  name: 'port-without-dollar',
  severity: 'error',
  summary: '`PORT` used as a value without `$`: the literal word is passed, not the port number.',
  checkEntry(ctx, e, i) {
    // Every match contains `PORT`, and the code is a prefix of the command.
    if (e.command.indexOf('PORT') < 0) return;
    for (const from of barePorts(code(ctx, i))) {
      const to = from + 4;
      ctx.report({
        message: 'This passes the literal word `PORT`, not the port number: write `$PORT` to read the variable Heroku sets.',
        range: at(e, from, to),
        fixes: [{ title: 'Write $PORT', isPreferred: true, edits: [{ range: at(e, from, from), newText: '$' }] }],
      });
    }
  },
});

const emptyCommand = entryRule({
  name: 'empty-command',
  severity: 'error',
  summary: 'A process type with no command.',
  checkEntry(ctx, e) {
    const c0 = e.command.charCodeAt(0);
    // A printable ASCII first character (the parser skipped spaces and tabs) means a command.
    if ((c0 > 32 && c0 < 127) || e.command.trim() !== '') return;
    ctx.report({
      message: `\`${e.name}\` has no command: the Fir build fails on it, and Cedar is reported to accept it with an empty command, so its dynos have nothing to run. Add the command after the colon or remove the line.`,
      range: e.nameRange,
    });
  },
});

const unbalancedQuotes = entryRule({
  name: 'unbalanced-quotes',
  severity: 'error',
  summary: 'A quote that is never closed: the shell fails before the process starts.',
  checkEntry(ctx, e, i) {
    if (e.command === '') return;
    const q = ctx.scan(i).unclosedQuote;
    if (!q) return;
    ctx.report({
      message: `This ${q.quote === '"' ? 'double' : 'single'} quote is never closed on this line; the shell stops with "unexpected EOF" and the dyno crashes. Close it (a Procfile command cannot continue on the next line).`,
      range: at(e, q.at, e.command.length),
    });
  },
});

const unclosedExpansion = entryRule({
  name: 'unclosed-expansion',
  severity: 'error',
  summary: 'A `${`, `$(` or backtick that is never closed.',
  checkEntry(ctx, e, i) {
    if (e.command === '') return;
    const x = ctx.scan(i).unclosedExpansion;
    if (!x) return;
    const closer = x.opener === '${' ? '}' : x.opener === '$(' ? ')' : '`';
    ctx.report({
      message: `\`${x.opener}\` is never closed with \`${closer}\`; the shell reports a syntax error and the process does not start.`,
      range: at(e, x.at, Math.min(e.command.length, x.at + x.opener.length)),
    });
  },
});

const danglingOperator = entryRule({
  name: 'dangling-operator',
  severity: 'error',
  summary: 'The command ends with `&&`, `||` or `|`.',
  checkEntry(ctx, e, i) {
    if (e.command === '') return;
    const d = ctx.scan(i).danglingOperator;
    if (!d) return;
    ctx.report({
      message: `The command ends with \`${d.op}\`: the shell waits for another command that never comes and fails with a syntax error. Complete or remove it.`,
      range: at(e, d.at, d.at + d.op.length),
    });
  },
});

const backgrounded = entryRule({
  name: 'backgrounded-command',
  severity: 'warning',
  summary: 'The command ends with `&`, so the shell exits at once and the dyno stops.',
  checkEntry(ctx, e, i) {
    if (e.command === '') return;
    const a = ctx.scan(i).trailingAmpersand;
    if (a === undefined || e.name === 'release') return;
    ctx.report({
      message: 'The trailing `&` sends the whole command to the background: the shell exits immediately and Heroku treats the dyno as exited (it restarts it in a loop). Remove the `&`, or end with `wait`.',
      range: at(e, a, a + 1),
      fixes: [{ title: 'Remove the trailing &', isPreferred: true, edits: [{ range: at(e, a, a + 1), newText: '' }] }],
    });
  },
});

export const commandRules: ProcfileRule[] = [
  emptyCommand, fixedPort, localhostBind, portWithoutDollar, unbalancedQuotes, unclosedExpansion, danglingOperator, backgrounded,
];
