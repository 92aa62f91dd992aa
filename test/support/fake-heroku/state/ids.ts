import { createHash, randomUUID } from 'node:crypto';

/** A stable UUID-shaped id derived from a seed string (so seeded ids are the same on every run). */
const memo = new Map<string, string>();

export function stableId(seed: string): string {
  const hit = memo.get(seed);
  if (hit) return hit;
  const id = hashId(seed);
  if (memo.size < 100_000) memo.set(seed, id);
  return id;
}

function hashId(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newId(): string {
  return randomUUID();
}

/** Heroku timestamps: ISO 8601 without fractional seconds. */
export function isoNow(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
