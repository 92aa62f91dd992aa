// The `heroku` task type (package.json taskDefinitions: { process?, procfile?, envFile?, release? }) and its alias
// `heroku-local` (the type's first name; same properties): "Run Task" offers, under `heroku`, one task for the
// whole Procfile of each workspace folder and one per process type, and a tasks.json entry of either type runs the
// same way (resolveTask), with the problem matchers it names (a CustomExecution's terminal output is matched like
// any task's). Each runs on the local runner's one session (the same supervisor as the command), so its processes
// show in the Local Processes view too.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readProcfileTypes } from '../../core/runner/procfile-types';
import { runOrder } from '../../core/runner/selection';
import type { Services } from '../services';
import { LOCAL_TASK_ALIAS } from './ids';
import type { LocalTaskDefinition } from './lazy';

export type TaskTerminalFactory = (definition: LocalTaskDefinition, folder: string) => vscode.Pseudoterminal;

export class LocalTaskProvider implements vscode.TaskProvider {
  constructor(private readonly services: Services, private readonly type: string, private readonly terminal: TaskTerminalFactory) {}

  async provideTasks(): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    // The alias offers nothing of its own: "Run Task" would list every task twice.
    if (this.type === LOCAL_TASK_ALIAS) return tasks;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const text = await this.services.fs.readText(path.join(folder.uri.fsPath, 'Procfile'));
      if (text === undefined) continue;
      const { types } = readProcfileTypes('Procfile', text);
      if (types.length === 0) continue;
      tasks.push(this.task({ type: this.type }, folder, 'Procfile (all processes)'));
      for (const t of runOrder(types)) tasks.push(this.task({ type: this.type, process: t.name }, folder, t.name));
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as LocalTaskDefinition;
    if (def.type !== this.type) return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    return this.task(def, folder, task.name, task.problemMatchers);
  }

  private task(def: LocalTaskDefinition, folder: vscode.WorkspaceFolder, name: string, problemMatchers?: string[]): vscode.Task {
    const task = new vscode.Task(def, folder, name, 'Heroku local',
      new vscode.CustomExecution(async (resolved) => this.terminal(resolved as LocalTaskDefinition, folder.uri.fsPath)), problemMatchers);
    // Servers and workers run until stopped: a background task does not hold up whatever waits for it to end.
    task.isBackground = true;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }
}
