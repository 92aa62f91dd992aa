import type { SourceFiles } from './unpack';

/** What a build does with a source: the output before `Launching...`, and what the slug carries. */
export interface BuildPlan {
  ok: boolean;
  /** Output lines up to (not including) the launch; `[line, n]` takes n steps. */
  steps: (string | readonly [string, number])[];
  processTypes: Record<string, string>;
  releaseCommand: string | null;
  buildpackDescription: string | null;
  /** Container (heroku.yml) builds make an image, not a slug. */
  container: boolean;
  slugSize: number;
}

export function failedPlan(steps: BuildPlan['steps']): BuildPlan {
  return { ok: false, steps, processTypes: {}, releaseCommand: null, buildpackDescription: null, container: false, slugSize: 0 };
}

/** Process types of a Procfile (`type: command` lines; comments and blank lines skipped). */
export function parseProcfile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_-]+):\s*(.*\S)\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export function text(files: SourceFiles, path: string): string | undefined {
  return files.get(path)?.toString('utf8');
}

export function json(files: SourceFiles, path: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text(files, path) ?? '') as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `47.9M`, the way the slug compiler prints a size. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)}M`;
}

/** Bytes of the source itself, plus what the runtime and dependencies add. */
export function sourceBytes(files: SourceFiles): number {
  let n = 0;
  for (const b of files.values()) n += b.length;
  return n;
}
