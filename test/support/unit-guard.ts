// Loaded before every unit test (see .mocharc.json): unit tests run in plain Node, so any attempt to
// load the `vscode` module fails the run loudly instead of being silently mocked.
import Module = require('node:module');

type Resolver = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolver };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]): string {
  if (request === 'vscode') {
    throw new Error('unit tests must not import "vscode": move the code to src/core or src/infra, or test it in test/integration');
  }
  return original.call(this, request, ...rest);
};
