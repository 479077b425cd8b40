import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from '../../../src/core/api/types';
import { PagedList, type PageLoader } from '../../../src/extension/tree/pagedList';

/** A loader over `items` whose cursors are offsets; `fail` makes the next call reject. */
function loaderOver(items: readonly string[]): {
  loader: PageLoader<string>;
  calls: Array<[string | null, number]>;
  fail: (message: string) => void;
} {
  const calls: Array<[string | null, number]> = [];
  let failure: string | undefined;
  const loader: PageLoader<string> = (cursor, limit): Promise<Page<string>> => {
    calls.push([cursor, limit]);
    if (failure) {
      const message = failure;
      failure = undefined;
      return Promise.reject(new Error(message));
    }
    const start = cursor === null ? 0 : Number(cursor);
    const end = start + limit;
    return Promise.resolve({ items: items.slice(start, end), nextPage: end < items.length ? String(end) : null });
  };
  return { loader, calls, fail: (message) => (failure = message) };
}

test('loads the first page once, then appends pages until the cursor runs out', async () => {
  const { loader, calls } = loaderOver(['a', 'b', 'c', 'd', 'e']);
  const list = new PagedList(loader, (item) => item);
  assert.equal(list.isLoaded, false);
  await Promise.all([list.ensureLoaded(2), list.ensureLoaded(2)]);
  assert.deepEqual(calls, [[null, 2]], 'concurrent first loads share one request');
  assert.deepEqual(list.items, ['a', 'b']);
  assert.equal(list.hasMore, true);
  await list.loadMore(2);
  await list.loadMore(2);
  assert.deepEqual(list.items, ['a', 'b', 'c', 'd', 'e']);
  assert.equal(list.hasMore, false);
});

test('a failure keeps the items that loaded before it and records the message until the next success', async () => {
  const { loader, fail } = loaderOver(['a', 'b', 'c']);
  const list = new PagedList(loader, (item) => item);
  await list.ensureLoaded(2);
  fail('The Claude API had an internal error.');
  await list.reload(2);
  assert.deepEqual(list.items, ['a', 'b']);
  assert.equal(list.failure?.message, 'The Claude API had an internal error.');
  await list.reload(2);
  assert.equal(list.failure, undefined);
});

test('reload asks for as many items as were loaded, between a page and 100', async () => {
  const { loader, calls } = loaderOver(Array.from({ length: 300 }, (_, i) => `s${i}`));
  const list = new PagedList(loader, (item) => item);
  await list.ensureLoaded(50);
  await list.loadMore(50);
  await list.loadMore(50);
  await list.reload(50);
  assert.deepEqual(calls.at(-1), [null, 100]);
  assert.equal(list.items.length, 100);
});

test('remove drops an item locally', async () => {
  const { loader } = loaderOver(['a', 'b']);
  const list = new PagedList(loader, (item) => item);
  await list.ensureLoaded(10);
  list.remove((item) => item === 'a');
  assert.deepEqual(list.items, ['b']);
});

/** Items of these tests are "<key><revision>": 'b2' is a newer 'b1'. */
const byLetter = (item: string): string => item[0] ?? '';

test('upsert replaces a known item in place, puts a new one first, and does nothing before the first page', async () => {
  const { loader } = loaderOver(['a1', 'b1', 'c1']);
  const list = new PagedList(loader, byLetter);
  list.upsert('z1');
  assert.equal(list.isLoaded, false, 'an upsert does not invent a first page');
  await list.ensureLoaded(10);
  list.upsert('b2');
  assert.deepEqual(list.items, ['a1', 'b2', 'c1']);
  list.upsert('d1');
  assert.deepEqual(list.items, ['d1', 'a1', 'b2', 'c1']);
});

test('an item put in before its page loads is listed once, where the page has it', async () => {
  const { loader } = loaderOver(['a1', 'b1', 'c1', 'd1']);
  const list = new PagedList(loader, byLetter);
  await list.ensureLoaded(2);
  list.upsert('d2');
  assert.deepEqual(list.items, ['d2', 'a1', 'b1']);
  await list.loadMore(2);
  assert.deepEqual(list.items, ['a1', 'b1', 'c1', 'd1']);
});
