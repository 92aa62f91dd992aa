// Where each rule is described in docs/RULES.md: the line of its table row (`| \`procfile/fixed-port\` | …`).
// Diagnostics link there with a `#L<line>` fragment, which VS Code turns into a selection when it opens the file.

/** 0-based line of each rule code's table row in the text of docs/RULES.md (the first row wins). */
export function ruleDocLines(markdown: string): Map<string, number> {
  const lines = new Map<string, number>();
  const rows = markdown.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const m = /^\|\s*`([a-z]+\/[a-z0-9-]+)`/.exec(rows[i]);
    if (m && !lines.has(m[1])) lines.set(m[1], i);
  }
  return lines;
}
