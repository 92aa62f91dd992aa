// Checks across files: which files a lint read (app.json reads the Procfile and heroku.yml; heroku.yml reads the
// Procfile, app.json and its Dockerfiles), so that a change to one of them re-lints what depends on it.
// - recorded per linted file while it is linted (the readers below), so only real dependencies count and only
//   files in the same folder (or, for Dockerfiles, below it) are involved;
// - a dependency changes when its open document is edited or closed (the disk counts again), or when the file is
//   created, changed or deleted on disk (one watcher per folder, on exactly the recorded paths).
import { dirname, join, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import type { FileSystem } from '../../core/heroku/ports';
import { resolveInside } from '../../core/lint/paths';
import { fileExistsNear, siblingsOf } from '../siblings';

export interface TrackedReaders {
  readSibling(name: string): string | undefined;
  fileExists(relativePath: string): boolean | undefined;
  /** Call when the lint is over: what it read becomes the file's dependencies. */
  done(): void;
}

/** Glob metacharacters: a path with one is tracked for edits but not watched on disk. */
const GLOB_SPECIAL = /[[\]{}*?,!\\]/;

export class SiblingDependencies extends Disposable {
  /** dependency path -> dependents (uri strings) */
  private readonly dependents = new Map<string, Set<string>>();
  /** dependent uri string -> [its uri, its dependency paths] */
  private readonly dependencies = new Map<string, [vscode.Uri, Set<string>]>();
  /** folder path -> dependents in it (uri strings) */
  private readonly byFolder = new Map<string, Set<string>>();
  private readonly watchers = new Map<string, { glob: string; watcher: vscode.Disposable }>();

  constructor(private readonly files: FileSystem, private readonly onChanged: (dependent: vscode.Uri) => void) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.changed(e.document.uri); }));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.changed(d.uri)));
    this.register({ dispose: () => { for (const w of this.watchers.values()) w.watcher.dispose(); this.watchers.clear(); } });
  }

  /** Readers for linting `uri` (open documents first, then the disk) that record what they read. */
  readersFor(uri: vscode.Uri): TrackedReaders {
    const read = siblingsOf(this.files, uri);
    const exists = fileExistsNear(this.files, uri);
    if (uri.scheme !== 'file') return { readSibling: read, fileExists: exists, done: () => undefined };
    const dir = dirname(uri.fsPath);
    const paths = new Set<string>();
    return {
      readSibling: (name) => {
        if (!name.includes('/') && !name.includes('\\')) paths.add(join(dir, name));
        return read(name);
      },
      fileExists: (rel) => {
        const path = resolveInside(dir, rel);
        if (path) paths.add(path);
        return exists(rel);
      },
      done: () => this.set(uri, paths),
    };
  }

  /** Forgets a file that is no longer linted. */
  forget(uri: vscode.Uri): void {
    this.set(uri, new Set());
  }

  private set(uri: vscode.Uri, paths: Set<string>): void {
    if (this.isDisposed) return;
    const key = uri.toString();
    paths.delete(uri.fsPath);
    const old = this.dependencies.get(key)?.[1] ?? new Set<string>();
    if (old.size === paths.size && [...paths].every((p) => old.has(p))) return;
    for (const p of old) removeFrom(this.dependents, p, key);
    for (const p of paths) addTo(this.dependents, p, key);
    const dir = dirname(uri.fsPath);
    if (paths.size) {
      this.dependencies.set(key, [uri, paths]);
      addTo(this.byFolder, dir, key);
    } else {
      this.dependencies.delete(key);
      removeFrom(this.byFolder, dir, key);
    }
    this.rewatch(dir);
  }

  private changed(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    for (const key of this.dependents.get(uri.fsPath) ?? []) {
      const dep = this.dependencies.get(key);
      if (dep) this.onChanged(dep[0]);
    }
  }

  /** One watcher per folder on exactly the paths its files depend on (re-made when that set changes). */
  private rewatch(dir: string): void {
    const rels = new Set<string>();
    for (const key of this.byFolder.get(dir) ?? []) {
      for (const p of this.dependencies.get(key)?.[1] ?? []) {
        const rel = relative(dir, p).split(sep).join('/');
        if (!GLOB_SPECIAL.test(rel)) rels.add(rel);
      }
    }
    const glob = rels.size > 1 ? `{${[...rels].sort().join(',')}}` : [...rels][0];
    const current = this.watchers.get(dir);
    if (current?.glob === glob) return;
    current?.watcher.dispose();
    this.watchers.delete(dir);
    if (!glob) return;
    try {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), glob));
      const on = (u: vscode.Uri) => this.changed(u);
      this.watchers.set(dir, { glob, watcher: vscode.Disposable.from(w, w.onDidCreate(on), w.onDidChange(on), w.onDidDelete(on)) });
    } catch {
      // No watcher (e.g. a folder the file system cannot watch): edits in open documents still count.
    }
  }
}

function addTo(index: Map<string, Set<string>>, at: string, key: string): void {
  let set = index.get(at);
  if (!set) index.set(at, (set = new Set()));
  set.add(key);
}

function removeFrom(index: Map<string, Set<string>>, at: string, key: string): void {
  const set = index.get(at);
  set?.delete(key);
  if (set?.size === 0) index.delete(at);
}
