// A time limit, so that one stuck step cannot hang a run.

/**
 * Starts a clock of `ms`. `race(work)` settles like `work`, or rejects with "<what> did not finish within …"
 * when the time is up first (a late failure of `work` is then ignored, never an unhandled rejection).
 * `cancel()` stops the clock.
 */
export function deadline(ms, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  expired.catch(() => {});
  return {
    race: (work) => {
      work.catch(() => {});
      return Promise.race([work, expired]);
    },
    cancel: () => clearTimeout(timer),
  };
}
