// Watches git config files with Node's fs.watch on their folders (git replaces `config` by renaming `config.lock`
// over it, so the folder is watched, not the file). VS Code's file watcher gives extensions no events inside
// `.git` folders reliably (seen in code-server 4.139 / VS Code 1.139: a `**/.git/config` glob never fires, and a
// pattern based in the `.git` folder only sometimes), so this is a Node adapter. Never throws.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ConfigWatch } from '../../core/heroku/ports';

export type { ConfigWatch };

export function watchGitConfigs(onChange: (config: string) => void): ConfigWatch {
  const watchers = new Map<string, FSWatcher>();
  const stop = (path: string) => {
    watchers.get(path)?.close();
    watchers.delete(path);
  };
  return {
    set(configs) {
      const wanted = new Set(configs);
      for (const path of [...watchers.keys()]) if (!wanted.has(path)) stop(path);
      for (const path of wanted) {
        if (watchers.has(path)) continue;
        const name = basename(path);
        try {
          const w = watch(dirname(path), { persistent: false }, (_event, file) => {
            if (file === null || file === undefined || String(file) === name) onChange(path);
          });
          w.on('error', () => stop(path)); // the folder went away: the next search decides what to watch
          watchers.set(path, w);
        } catch {
          // Not watchable (gone meanwhile, too many watches): found again by the next search or a refresh.
        }
      }
    },
    dispose() {
      for (const path of [...watchers.keys()]) stop(path);
    },
  };
}
