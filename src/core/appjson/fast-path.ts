// The fast path for large files: when the text is strict JSON (JSON.parse accepts it) and has no duplicate keys,
// there are no syntax problems to report, so the position tree (jsonc-parser, several times slower than
// JSON.parse) is built only if a later check has something to report.

/** Number of object keys written in strict-JSON text: strings followed by a colon (native indexOf does the scanning). */
function countWrittenKeys(text: string): number {
  let n = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    let end = text.indexOf('"', i + 1);
    // Skip escaped quotes: an odd run of backslashes before the quote escapes it.
    for (;;) {
      let b = end - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((end - 1 - b) % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (end < 0) return -1;
    let j = end + 1;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++j);
    if (c === 58 /* : */) n++;
    i = text.indexOf('"', j);
  }
  return n;
}

function countParsedKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const v of value) n += countParsedKeys(v);
    return n;
  }
  const obj = value as Record<string, unknown>;
  for (const k in obj) n += 1 + countParsedKeys(obj[k]);
  return n;
}

/** The parsed value when the text is strict JSON with no duplicate keys; undefined otherwise (take the slow path). */
export function parseFast(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // "__proto__" is a key JSON.parse keeps as an own property, so counts stay comparable; duplicates lower the count.
  return countWrittenKeys(text) === countParsedKeys(value) ? { value } : undefined;
}
