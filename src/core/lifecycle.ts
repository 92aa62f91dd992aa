// Disposal without vscode: whoever creates a thing disposes it. Structurally compatible with vscode.Disposable.

export interface IDisposable {
  dispose(): unknown;
}

export function toDisposable(fn: () => unknown): IDisposable {
  let done = false;
  return { dispose: () => { if (!done) { done = true; return fn(); } return undefined; } };
}

/** A bag of disposables with one lifetime. Disposing twice is harmless; adding after disposal disposes at once. */
export class DisposableStore implements IDisposable {
  private readonly items = new Set<IDisposable>();
  private disposed = false;

  add<T extends IDisposable>(item: T): T {
    if (this.disposed) {
      void item.dispose();
    } else {
      this.items.add(item);
    }
    return item;
  }

  delete(item: IDisposable): void {
    if (this.items.delete(item)) void item.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of [...this.items].reverse()) {
      try {
        void item.dispose();
      } catch (e) {
        errors.push(e);
      }
    }
    this.items.clear();
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed');
  }
}

/** Base class: subclasses `register()` what they own and it is disposed with them. */
export abstract class Disposable implements IDisposable {
  private readonly store = new DisposableStore();

  protected register<T extends IDisposable>(item: T): T {
    return this.store.add(item);
  }

  protected get isDisposed(): boolean {
    return this.store.isDisposed;
  }

  dispose(): void {
    this.store.dispose();
  }
}
