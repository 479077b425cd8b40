// Teardown that runs exactly once: at the end of a run, or on Ctrl-C / SIGTERM.

/**
 * A stack of async teardown steps. `add(step)` pushes one; `run()` runs them last-in first-out, reporting
 * (not throwing) failures; `started()` tells whether that has begun. Ctrl-C and SIGTERM run it and exit
 * with 130 / 143.
 */
export function createCleanup() {
  const steps = [];
  let running;
  const run = () => {
    running ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
        }
      }
    })();
    return running;
  };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      run().finally(() => process.exit(code));
    });
  }
  return { add: (step) => steps.push(step), run, started: () => running !== undefined };
}
