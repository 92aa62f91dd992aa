// The one scriptable UserInput (src/vscode/commands.ts) for host tests: answers prompts from a script and records
// what was asked and said. Put it on `services.commands.ui` (test/integration/extension.ts does, per test).
//   new TestUserInput(['3', FIRST, 'Scale'])   // quick pick "3", the first item of the next, then the modal's "Scale"
// Input boxes, quick picks and modal warnings take the next answer (undefined: dismissed); a quick pick answer is a
// label, or a function of the labels offered (a pick of many: labels joined with ', '). Notifications (information, non-modal warnings) take none: they
// are recorded and dismissed.
import type * as vscode from 'vscode';
import type { UserInput } from '../../src/vscode/commands';

export type Answer = string | undefined | ((labels: readonly string[]) => string | undefined);

/** Picks the first item offered. */
export const FIRST: Answer = (labels) => labels[0];

export class TestUserInput implements UserInput {
  /** Every question in order: `input: <prompt>`, `pick: <placeholder>`, `warn: <message>` (modal or not). */
  readonly asked: string[] = [];
  readonly prompts: vscode.InputBoxOptions[] = [];
  /** The labels each quick pick offered, in order. */
  readonly offered: string[][] = [];
  readonly infos: string[] = [];
  /** Non-modal warnings (notifications). */
  readonly warnings: string[] = [];
  /** Modal warnings (confirmations), with their detail. */
  readonly modals: { message: string; detail?: string }[] = [];
  private readonly answers: Answer[];

  constructor(answers: readonly Answer[] = []) {
    this.answers = [...answers];
  }

  /** Answers not used yet (a test can check its script was followed to the end). */
  get unanswered(): number {
    return this.answers.length;
  }

  private next(labels: readonly string[] = []): string | undefined {
    const a = this.answers.shift();
    return typeof a === 'function' ? a(labels) : a;
  }

  showInputBox(o: vscode.InputBoxOptions): Promise<string | undefined> {
    this.asked.push(`input: ${o.prompt ?? o.title ?? ''}`);
    this.prompts.push(o);
    return Promise.resolve(this.next());
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, o?: vscode.QuickPickOptions): Promise<T | undefined> {
    this.asked.push(`pick: ${o?.placeHolder ?? ''}`);
    const list = await items;
    const labels = list.map((i) => i.label);
    this.offered.push(labels);
    const label = this.next(labels);
    if (o?.canPickMany) {
      const chosen = label === undefined ? [] : label.split(', ').map((l) => list.find((i) => i.label === l)).filter((i): i is T => i !== undefined);
      return (label === undefined ? undefined : chosen) as T | undefined;
    }
    return list.find((i) => i.label === label);
  }

  showWarningMessage(message: string, options: vscode.MessageOptions): Promise<string | undefined> {
    this.asked.push(`warn: ${message}`);
    if (options?.modal) {
      this.modals.push({ message, ...(options.detail !== undefined ? { detail: options.detail } : {}) });
      return Promise.resolve(this.next());
    }
    this.warnings.push(message);
    return Promise.resolve(undefined);
  }

  showInformationMessage(message: string): Promise<string | undefined> {
    this.infos.push(message);
    return Promise.resolve(undefined);
  }
}
