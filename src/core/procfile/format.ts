// Formatter: normalises each declaration to `type: command` (no indent, no space before the colon, one space
// after it, no trailing spaces). Comments, blank lines and lines it does not understand are left alone.
// Returns minimal edits (one per changed line), never touching line endings.
import type { TextEdit } from '../lint/types';
import { range } from '../lint/types';
import { parseProcfile } from './parser';

export function formatProcfile(text: string): TextEdit[] {
  const doc = parseProcfile(text);
  const edits: TextEdit[] = [];
  for (const e of doc.entries) {
    const line = doc.lines[e.line].text;
    const start = e.line === 0 && doc.bom ? 1 : 0;
    const command = e.command.replace(/[ \t]+$/, '');
    if (command === '') continue; // `web:` alone: leave it for the empty-command rule to explain
    const wanted = `${e.name}: ${command}`;
    if (line.slice(start) !== wanted) edits.push({ range: range(e.line, start, e.line, line.length), newText: wanted });
  }
  return edits;
}
