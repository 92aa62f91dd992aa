// What the run plan reports: plain records that point at a file and line when there is one.

export interface PlanProblem {
  severity: 'error' | 'warning';
  message: string;
  /** The file the problem is in (the Procfile or an env file), as the caller named it. */
  file?: string;
  /** 0-based line in `file`. */
  line?: number;
}

/** `Procfile:3: message` (1-based line), as compilers print it so terminals and editors can link it. */
export function formatProblem(p: PlanProblem): string {
  const where = p.file === undefined ? '' : p.line === undefined ? `${p.file}: ` : `${p.file}:${p.line + 1}: `;
  return `${where}${p.severity}: ${p.message}`;
}
