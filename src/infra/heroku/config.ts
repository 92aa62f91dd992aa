// Where the client talks to and which extra headers it sends, resolved the way the Heroku CLI does:
// HEROKU_API_URL wins over the `heroku.apiUrl` setting; HEROKU_HEADERS (a JSON object) adds headers.

export const DEFAULT_API_URL = 'https://api.heroku.com';

export interface ApiUrlResolution {
  url: string;
  source: 'env' | 'setting' | 'default';
  /** Set when a value was present but unusable (then the next source was used). */
  warning?: string;
}

function normalizeUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  try {
    const u = new URL(text);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.toString().replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** `env` is HEROKU_API_URL, `setting` is `heroku.apiUrl`. */
export function resolveApiUrl(env: string | undefined, setting: string | undefined): ApiUrlResolution {
  const warnings: string[] = [];
  for (const [value, source] of [[env, 'env'], [setting, 'setting']] as const) {
    if (value === undefined || value.trim() === '') continue;
    const url = normalizeUrl(value);
    if (url) return { url, source, ...(warnings.length ? { warning: warnings.join(' ') } : {}) };
    warnings.push(`${source === 'env' ? 'HEROKU_API_URL' : 'heroku.apiUrl'} is not an http(s) URL; ignored.`);
  }
  return { url: DEFAULT_API_URL, source: 'default', ...(warnings.length ? { warning: warnings.join(' ') } : {}) };
}

export interface ExtraHeaders {
  headers: Record<string, string>;
  warning?: string;
}

/** Headers the client computes itself; HEROKU_HEADERS may not replace them. */
const RESERVED = new Set(['authorization', 'heroku-two-factor-code', 'range', 'if-none-match', 'content-length', 'host']);

/** Parses HEROKU_HEADERS: a JSON object of header → string (numbers and booleans are stringified). */
export function parseHerokuHeaders(raw: string | undefined): ExtraHeaders {
  if (raw === undefined || raw.trim() === '') return { headers: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { headers: {}, warning: 'HEROKU_HEADERS is not valid JSON; ignored.' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { headers: {}, warning: 'HEROKU_HEADERS must be a JSON object of header names to values; ignored.' };
  }
  const headers: Record<string, string> = {};
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const validName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
    const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (!validName || !scalar || RESERVED.has(name.toLowerCase()) || /[\r\n]/.test(String(value))) {
      skipped.push(name);
      continue;
    }
    headers[name] = String(value);
  }
  return skipped.length
    ? { headers, warning: `HEROKU_HEADERS: ignored ${skipped.map((s) => JSON.stringify(s)).join(', ')}.` }
    : { headers };
}
