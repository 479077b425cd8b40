/**
 * Runs `task` on every item, at most `limit` at a time, starting them in order. Resolves when every started
 * task has finished; rejects with the first error a task throws (tasks that must not stop the others catch
 * their own). Items not yet started are skipped once `signal` aborts.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length && !signal?.aborted; index = next++) {
      await task(items[index], index);
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
