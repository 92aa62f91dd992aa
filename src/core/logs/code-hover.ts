// Heroku's error codes where a log line shows them (`code=H12`, `Error R14 (…)`, `L10 (…) ->`: the heroku-log
// grammar's three patterns) and what a hover over one says: the code's title and meaning and a link to its Dev
// Center explanation. Pure: a line's text and a column in, the code's span and Markdown out.
import { errorCodeInfo, type ErrorCodeInfo } from './codes';

export interface CodeAt {
  info: ErrorCodeInfo;
  /** Columns of the code itself in the line: [start, end). */
  start: number;
  end: number;
}

// As syntaxes/heroku-log.tmLanguage.json: `code=H12`, `Error R14`, `: L10 (`.
const PATTERNS = [/\bcode=([HRL]\d{2})\b/g, /\bError\s+([HRL]\d{2})\b/g, /(?<=: )([HRL]\d{2})(?= \()/g];

/** Every error code the line shows, left to right. */
export function codesIn(line: string): CodeAt[] {
  const found: CodeAt[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const info = errorCodeInfo(m[1]);
      const start = m.index + m[0].lastIndexOf(m[1]);
      if (info && !found.some((f) => f.start === start)) found.push({ info, start, end: start + 3 });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The code under column `character` (its first to its last letter), if any. */
export function codeAt(line: string, character: number): CodeAt | undefined {
  return codesIn(line).find((c) => character >= c.start && character <= c.end);
}

const FAMILY: Record<string, string> = { H: 'router', R: 'dyno runtime', L: 'logging' };

/** The hover's Markdown: our own words and Heroku's title (plain letters, nothing from the log line). */
export function codeHoverMarkdown(info: ErrorCodeInfo): string {
  return [
    `**${info.code} · ${info.title}** (Heroku ${FAMILY[info.code[0]]} error)`,
    '',
    info.meaning,
    '',
    `[Dev Center: ${info.code} - ${info.title}](${info.url})`,
  ].join('\n');
}
