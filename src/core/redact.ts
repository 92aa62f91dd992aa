// Keeps secrets out of every output: the API token and revealed config values are registered here and
// replaced by a mask wherever text is logged or shown. Pure; no I/O.

const MASK = '••••••••';

/** A plain word (e.g. "staging", "production", "true") is masked only where it stands alone, not inside
 *  another name such as "acme-web-staging"; anything else (tokens, URLs, random strings) is masked anywhere. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z_-]{0,15}$/;
const TOKEN_CHAR = /[A-Za-z0-9_.-]/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private sorted: string[] | undefined;

  /** Registers a secret (ignored when shorter than 4 characters: too likely to mangle ordinary text). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4 && !this.secrets.has(secret)) {
      this.secrets.add(secret);
      this.sorted = undefined;
    }
  }

  remove(secret: string | undefined): void {
    if (secret && this.secrets.delete(secret)) this.sorted = undefined;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    this.sorted ??= [...this.secrets].sort((a, b) => b.length - a.length);
    for (const s of this.sorted) {
      if (!out.includes(s)) continue;
      if (PLAIN_WORD.test(s)) {
        out = out.replace(new RegExp(escapeRegExp(s), 'g'), (m, offset: number, whole: string) =>
          TOKEN_CHAR.test(whole.charAt(offset - 1)) || TOKEN_CHAR.test(whole.charAt(offset + m.length)) ? m : MASK);
      } else {
        out = out.split(s).join(MASK);
      }
    }
    // Bearer headers and Heroku-looking keys, even when not registered (e.g. echoed back by a server).
    return out
      .replace(/(authorization["']?\s*[:=]\s*["']?(?:bearer|basic)\s+)[^\s"',}]+/gi, `$1${MASK}`)
      .replace(/\bHRKU-[A-Za-z0-9_-]{8,}/g, MASK);
  }
}

export function maskValue(value: string): string {
  return value.length === 0 ? '' : MASK;
}
