// One output channel per app, "Heroku Build: <app>", reused by each deploy of that app (cleared at the start)
// and disposed with the feature.
import * as vscode from 'vscode';

export class BuildChannels implements vscode.Disposable {
  private readonly channels = new Map<string, vscode.OutputChannel>();

  get(app: string): vscode.OutputChannel {
    let c = this.channels.get(app);
    if (!c) {
      c = vscode.window.createOutputChannel(`Heroku Build: ${app}`);
      this.channels.set(app, c);
    }
    return c;
  }

  dispose(): void {
    for (const c of this.channels.values()) c.dispose();
    this.channels.clear();
  }
}
