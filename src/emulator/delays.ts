/** Timed waits (injected latency) that can all be ended at once, so closing the emulator never waits on them. */
export class Delays {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  /** Resolves after `ms`, or as soon as `endAll` is called. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  /** Ends every pending wait now. */
  endAll(): void {
    for (const { timer, resolve } of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
