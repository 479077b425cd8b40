/** Anything that can be disposed: `vscode.Disposable`, an event subscription, a watcher, another `Disposable`. */
export interface DisposableLike {
  dispose(): unknown;
}

/**
 * A base for objects that own subscriptions, watchers and emitters: `_register` them as they are made, and one
 * `dispose` releases them all, newest first, once. What is registered after disposal is disposed at once.
 */
export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  /** True after `dispose`. */
  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `value` and hands it back. */
  protected _register<T extends DisposableLike>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  /** Disposes everything registered, newest first; a second call does nothing. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.owned.length > 0) this.owned.pop()?.dispose();
  }
}
