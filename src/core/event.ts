// Events without vscode: an Emitter whose `event` has the shape of vscode.Event (a function taking a listener and
// returning a disposable), so vscode code subscribes to core's events exactly as to its own.
import type { IDisposable } from './lifecycle';

export type Event<T> = (listener: (e: T) => unknown) => IDisposable;

export class Emitter<T> implements IDisposable {
  private listeners = new Set<(e: T) => unknown>();
  private disposed = false;

  readonly event: Event<T> = (listener) => {
    if (this.disposed) return { dispose: () => undefined };
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  };

  /** Calls every listener; one that throws does not stop the others (the error goes to `onError`). */
  fire(e: T, onError?: (err: unknown) => void): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        onError?.(err);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
