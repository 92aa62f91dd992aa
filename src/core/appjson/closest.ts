// "Did you mean …?" for misspelt keys (adon, enviroments, formations).

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The candidate within two edits of `key` (case-insensitive), if there is exactly one best. */
export function closest(key: string, candidates: readonly string[]): string | undefined {
  if (key.length < 3) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(key.toLowerCase(), c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && best !== key ? best : undefined;
}
