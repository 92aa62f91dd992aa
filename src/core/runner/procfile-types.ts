// The process types a Procfile declares, read with the linter's parser, and what cannot run, with its line.
import { NAME_CLASSIC, parseProcfile } from '../procfile/parser';
import type { PlanProblem } from './problems';

export interface ProcessType {
  name: string;
  command: string;
  /** 0-based line of the declaration that runs (the last one when a type is declared twice). */
  line: number;
}

export interface ProcfileTypes {
  /** In the order of first declaration (as a JS object keeps them in heroku local). */
  types: ProcessType[];
  problems: PlanProblem[];
}

export function readProcfileTypes(file: string, text: string): ProcfileTypes {
  const doc = parseProcfile(text);
  const types: ProcessType[] = [];
  const problems: PlanProblem[] = [];
  for (const l of doc.lines) {
    if (l.kind === 'invalid') {
      problems.push({ severity: 'warning', file, line: l.line, message: 'not a `type: command` line; nothing runs from it' });
    }
  }
  for (const e of doc.entries) {
    if (!(e.nameClass & NAME_CLASSIC)) {
      problems.push({ severity: 'warning', file, line: e.line, message: `\`${e.name}\` is not a process type name (letters, digits, \`_\` and \`-\` only); this line does not run` });
      continue;
    }
    const known = types.find((t) => t.name === e.name);
    if (known) {
      problems.push({ severity: 'warning', file, line: known.line, message: `\`${e.name}\` is declared again on line ${e.line + 1}; that later command runs (as with heroku local)` });
      known.command = e.command;
      known.line = e.line;
    } else {
      types.push({ name: e.name, command: e.command, line: e.line });
    }
  }
  return { types, problems };
}
