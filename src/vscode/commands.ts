// The one command wrapper: every command is registered through here. It catches, logs (redacted), shows a
// clear message, and hands the handler an injectable `ui` so integration tests can answer prompts.
import * as vscode from 'vscode';
import { describeError, type Logger } from './log';

export interface UserInput {
  showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, options?: vscode.QuickPickOptions): Promise<T | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Promise<string | undefined>;
  showInformationMessage(message: string, ...items: string[]): Promise<string | undefined>;
}

export const windowInput: UserInput = {
  showInputBox: (o) => Promise.resolve(vscode.window.showInputBox(o)),
  showQuickPick: <T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, o?: vscode.QuickPickOptions) =>
    Promise.resolve(vscode.window.showQuickPick(items, o)) as Promise<T | undefined>,
  showWarningMessage: (m, o, ...items) => Promise.resolve(vscode.window.showWarningMessage(m, o, ...items)),
  showInformationMessage: (m, ...items) => Promise.resolve(vscode.window.showInformationMessage(m, ...items)),
};

// Features in separate bundles (dist/explorer.js, scripts/build.mjs) carry their own copy of these classes, so
// `instanceof` checks a registry-wide brand instead of the prototype chain.
const FACING = Symbol.for('heroku-workflows.UserFacingError');
const CANCELLED = Symbol.for('heroku-workflows.UserCancelled');

function branded(x: unknown, brand: symbol): boolean {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[brand] === true;
}

/** Thrown by handlers for an expected failure: shown as-is, without the "failed" prefix. */
export class UserFacingError extends Error {
  readonly [FACING] = true;
  static override [Symbol.hasInstance](x: unknown): boolean {
    return branded(x, FACING);
  }
}

/** Thrown (or returned) when the user dismisses a prompt: silent. */
export class UserCancelled extends Error {
  readonly [CANCELLED] = true;
  constructor() {
    super('cancelled');
  }
  static override [Symbol.hasInstance](x: unknown): boolean {
    return branded(x, CANCELLED);
  }
}

export interface CommandContext {
  ui: UserInput;
  log: Logger;
}

export class Commands {
  /** Tests replace this to answer prompts. */
  ui: UserInput = windowInput;

  constructor(private readonly log: Logger, private readonly redact: (text: string) => string = (t) => t) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments come from menus and executeCommand untyped
  register(id: string, handler: (ctx: CommandContext, ...args: any[]) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler({ ui: this.ui, log: this.log }, ...args);
      } catch (err) {
        if (err instanceof UserCancelled) return undefined;
        const text = this.redact(describeError(err));
        this.log.error(`command ${id} failed`, err);
        const message = err instanceof UserFacingError ? text : `Heroku: ${text}`;
        void vscode.window.showErrorMessage(message, 'Show Log').then((pick) => {
          if (pick === 'Show Log') void vscode.commands.executeCommand('heroku.showLog');
        });
        return undefined;
      }
    });
  }
}
