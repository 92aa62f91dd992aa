// `heroku-workflows lint`: find files, lint each with the registry, print text/JSON/SARIF, exit 1 on any error.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { version } from '../../../package.json';
import { lintBytes, ruleCatalog, type RuleInfo } from '../../core/lint/registry';
import { escapeControl, stringifyJsonSafe } from '../../core/text/escape';
import { fileExistsUnder, folderEntries, readSiblingFile } from '../../infra/fs/sibling-files';
import type { CliIo, Subcommand } from '../run';
import { LINT_USAGE, parseLintArgs } from './args';
import { formatText, toJson, toSarif, type FileResult } from './format';
import { findLintFiles } from './walk';

function readOrUndefined(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split('\\').join('/');
}

export const lint: Subcommand = async (argv: string[], io: CliIo) => {
  const args = parseLintArgs(argv);
  if ('error' in args) {
    io.stderr.write(`heroku-workflows lint: ${args.error}\n\n${LINT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(LINT_USAGE);
    return 0;
  }
  const paths = (args.paths.length ? args.paths : ['.']).map((p) => resolve(io.cwd, p));
  const found = findLintFiles(paths);
  // File and folder names are someone else's text too: escaped like the messages.
  for (const e of found.errors) io.stderr.write(`heroku-workflows lint: ${escapeControl(e.replace(io.cwd + '/', ''))}\n`);
  const results: FileResult[] = [];
  let unreadable = 0;
  for (const f of found.files) {
    const bytes = readOrUndefined(f.path);
    if (bytes === undefined) {
      io.stderr.write(`heroku-workflows lint: ${escapeControl(display(io.cwd, f.path))}: cannot read file\n`);
      unreadable++;
      continue;
    }
    const dir = dirname(f.path);
    const problems = lintBytes(f.kind, {
      path: f.path, bytes, readSibling: (name) => readSiblingFile(dir, name), fileExists: (rel) => fileExistsUnder(dir, rel),
      siblingNames: () => folderEntries(dir),
    }, args.overrides);
    results.push({ file: display(io.cwd, f.path), problems });
  }
  if (args.format === 'json') {
    io.stdout.write(stringifyJsonSafe(toJson(results), 2) + '\n');
  } else if (args.format === 'sarif') {
    const catalog: RuleInfo[] = Object.values(ruleCatalog).flatMap((c) => c());
    io.stdout.write(stringifyJsonSafe(toSarif(results, catalog, version), 2) + '\n');
  } else {
    io.stdout.write(formatText(results));
  }
  if (found.errors.length || unreadable) return 2;
  return results.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
};
