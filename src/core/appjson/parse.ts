// Strict-JSON reading of app.json with exact positions. jsonc-parser because it is tolerant (one mistake does not
// hide the rest of the file), gives exact offsets for every node, and reports comments, trailing commas and missing
// commas as such. Heroku parses app.json as strict JSON, so each of those is an error here; duplicate keys (which
// JSON.parse and Heroku silently resolve to the last one) are found by walking the tree.
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from '../lint/types';
import { LineIndex } from '../lint/positions';

export interface ParsedJson {
  root: Node | undefined;
  lines: LineIndex;
  problems: Problem[];
}

const MESSAGES: Partial<Record<string, string>> = {
  CommaExpected: 'Expected a comma between these two entries.',
  ColonExpected: 'Expected a colon after the property name.',
  PropertyNameExpected: 'Expected a property name in double quotes.',
  ValueExpected: 'Expected a value.',
  CloseBraceExpected: 'Expected a closing brace `}`.',
  CloseBracketExpected: 'Expected a closing bracket `]`.',
  EndOfFileExpected: 'Expected the end of the file after the top-level value.',
  InvalidSymbol: 'Not valid JSON here (strings need double quotes; true, false and null are lower case).',
  UnexpectedEndOfString: 'This string is not closed.',
};

function scanTrivia(text: string, lines: LineIndex, problems: Problem[]): void {
  const scanner = createScanner(text, false);
  let lastComma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      problems.push({
        code: 'appjson/comment',
        severity: 'error',
        message: 'JSON has no comments: Heroku cannot read an app.json that contains one.',
        range: lines.range(start, end),
        fixes: [{ title: 'Remove the comment', edits: [{ range: lines.range(start, end), newText: '' }] }],
      });
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && lastComma >= 0) {
      const r = lines.range(lastComma, lastComma + 1);
      problems.push({
        code: 'appjson/trailing-comma',
        severity: 'error',
        message: 'Trailing comma: strict JSON allows no comma before a closing bracket or brace.',
        range: r,
        fixes: [{ title: 'Remove the trailing comma', edits: [{ range: r, newText: '' }], isPreferred: true }],
      });
    }
    lastComma = kind === SyntaxKind.CommaToken ? start : -1;
  }
}

function findDuplicates(node: Node, lines: LineIndex, problems: Problem[]): void {
  if (node.type === 'object' && node.children) {
    const seen = new Map<string, Node>();
    for (const prop of node.children) {
      const key = prop.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      const first = seen.get(key.value);
      if (first) {
        problems.push({
          code: 'appjson/duplicate-key',
          severity: 'error',
          message: `Duplicate key "${key.value}": Heroku keeps only the last one and ignores the earlier.`,
          range: lines.range(key.offset, key.offset + key.length),
          related: [{ range: lines.range(first.offset, first.offset + first.length), message: 'First defined here' }],
        });
      } else {
        seen.set(key.value, key);
      }
    }
  }
  for (const child of node.children ?? []) findDuplicates(child, lines, problems);
}

export function parseJsonStrict(text: string): ParsedJson {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  if (text.trim() === '') {
    problems.push({ code: 'appjson/syntax', severity: 'error', message: 'The file is empty: app.json must hold a JSON object.', range: lines.range(0, 0) });
    return { root: undefined, lines, problems };
  }
  scanTrivia(text, lines, problems);
  for (const e of errors) {
    const name = printParseErrorCode(e.error);
    problems.push({
      code: 'appjson/syntax',
      severity: 'error',
      message: MESSAGES[name] ?? `Invalid JSON (${name}).`,
      range: lines.range(e.offset, e.offset + Math.max(1, e.length)),
    });
  }
  if (root) findDuplicates(root, lines, problems);
  return { root, lines, problems };
}
