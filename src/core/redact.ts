// Keeps secrets out of every output: the API token and revealed config values are registered here and
// replaced by a mask wherever text is logged or shown. Pure; no I/O.

const MASK = '••••••••';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret (ignored when shorter than 4 characters: too likely to mangle ordinary text). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  remove(secret: string | undefined): void {
    if (secret) this.secrets.delete(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(MASK);
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
