/**
 * Runs the task last scheduled under a key once `delayMs` passed without another under that key: each document
 * linted or scanned once typing pauses, however many keystrokes came before.
 */
export class KeyedDebounce {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  /** Runs `task` after the delay, unless another task is scheduled under `key` first (it replaces this one). */
  schedule(key: string, task: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        task();
      }, this.delayMs),
    );
  }

  /** Drops the task pending under `key`, if any. */
  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** Drops every pending task. */
  cancelAll(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
