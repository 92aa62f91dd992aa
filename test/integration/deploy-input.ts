// Shared by the deploy and run host tests (not a test file itself: the runner loads *.test.js only).
import type * as vscode from 'vscode';
import type { UserInput } from '../../src/vscode/commands';

/** Answers prompts: the two-factor code, "Deploy Anyway" for lint errors, the first item of a pick. */
export class DeployTestInput implements UserInput {
  readonly asked: string[] = [];
  showInputBox(o: vscode.InputBoxOptions): Promise<string | undefined> {
    this.asked.push(`input: ${o.prompt ?? ''}`);
    return Promise.resolve(/two-factor/i.test(`${o.title ?? ''} ${o.prompt ?? ''}`) ? '424242' : undefined);
  }
  async showQuickPick<T extends vscode.QuickPickItem>(items: T[] | Promise<T[]>, o?: vscode.QuickPickOptions): Promise<T | undefined> {
    this.asked.push(`pick: ${o?.placeHolder ?? ''}`);
    return (await items)[0];
  }
  showWarningMessage(m: string, _o: vscode.MessageOptions, ...items: string[]): Promise<string | undefined> {
    this.asked.push(`warn: ${m}`);
    return Promise.resolve(items.includes('Deploy Anyway') ? 'Deploy Anyway' : undefined);
  }
  showInformationMessage(m: string): Promise<string | undefined> {
    this.asked.push(`info: ${m}`);
    return Promise.resolve(undefined);
  }
}

