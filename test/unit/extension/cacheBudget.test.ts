import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitToBudget, type CachedUpload } from '../../../src/extension/services/caches/cacheBudget';

const upload = (ref: string, bytes: number, storedAt: number): CachedUpload => ({ skillId: 'skill_1', ref, bytes, storedAt });

test('keeps the newest uploads within the count, oldest out', () => {
  const entries = [upload('a', 1, 1), upload('b', 1, 2), upload('c', 1, 3)];
  const { kept, evicted } = fitToBudget(entries, { maxEntries: 2, maxBytes: 100 });
  assert.deepEqual(
    kept.map((entry) => entry.ref),
    ['b', 'c'],
  );
  assert.deepEqual(
    evicted.map((entry) => entry.ref),
    ['a'],
  );
});

test('keeps the newest uploads within the bytes, and drops one too large on its own', () => {
  const entries = [upload('old', 40, 1), upload('mid', 50, 2), upload('huge', 500, 3), upload('new', 30, 4)];
  const { kept, evicted } = fitToBudget(entries, { maxEntries: 10, maxBytes: 100 });
  assert.deepEqual(
    kept.map((entry) => entry.ref),
    ['mid', 'new'],
  );
  assert.deepEqual(evicted.map((entry) => entry.ref).sort(), ['huge', 'old']);
});
