import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachConcurrently } from '../../../src/core/async/forEachConcurrently';

/** A promise with its resolve function, to finish tasks in a chosen order. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('forEachConcurrently', () => {
  it('runs every item once, never more than the limit at a time, starting them in order', async () => {
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    await forEachConcurrently([10, 11, 12, 13, 14, 15, 16], 3, async (item, index) => {
      assert.equal(item, index + 10);
      started.push(index);
      running += 1;
      peak = Math.max(peak, running);
      await Promise.resolve();
      running -= 1;
    });
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6]);
    assert.equal(peak, 3);
  });

  it('starts nothing more once the signal aborts', async () => {
    const controller = new AbortController();
    const first = deferred();
    const started: number[] = [];
    const done = forEachConcurrently(
      ['a', 'b', 'c', 'd'],
      1,
      async (_item, index) => {
        started.push(index);
        if (index === 0) await first.promise;
      },
      controller.signal,
    );
    controller.abort();
    first.resolve();
    await done;
    assert.deepEqual(started, [0]);
  });

  it('resolves at once for no items, and rejects with a task error', async () => {
    await forEachConcurrently([], 4, () => Promise.reject(new Error('never called')));
    await assert.rejects(
      forEachConcurrently([1, 2], 2, (item) => (item === 2 ? Promise.reject(new Error('task 2 failed')) : Promise.resolve())),
      /task 2 failed/,
    );
  });
});
