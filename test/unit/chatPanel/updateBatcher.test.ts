import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyChatUpdate, type ChatUpdate } from '../../../src/core/chat/updates';
import { coalesceUpdates, UpdateBatcher } from '../../../src/extension/chat/updateBatcher';
import { newTurn, recordedRequests, reducing } from '../chat/turns';

describe('coalesceUpdates', () => {
  it('merges runs of appends to one block and keeps everything else in order', () => {
    const updates: ChatUpdate[] = [
      { type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'Hel' },
      { type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'lo' },
      { type: 'toolInputAppended', turnId: 'a', blockIndex: 1, json: '{"comm' },
      { type: 'toolInputAppended', turnId: 'a', blockIndex: 1, json: 'and":1}' },
      { type: 'textAppended', turnId: 'a', blockIndex: 2, text: 'x' },
      { type: 'turnChanged', turnId: 'a', changes: { status: 'done' } },
      { type: 'textAppended', turnId: 'a', blockIndex: 2, text: 'y' },
    ];
    assert.deepEqual(coalesceUpdates(updates), [
      { type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'Hello' },
      { type: 'toolInputAppended', turnId: 'a', blockIndex: 1, json: '{"command":1}' },
      { type: 'textAppended', turnId: 'a', blockIndex: 2, text: 'x' },
      { type: 'turnChanged', turnId: 'a', changes: { status: 'done' } },
      { type: 'textAppended', turnId: 'a', blockIndex: 2, text: 'y' },
    ]);
  });

  it('drops what a snapshot replaces', () => {
    const snapshot: ChatUpdate = { type: 'snapshot', viewModel: { turns: [], container: null } };
    assert.deepEqual(
      coalesceUpdates([{ type: 'containerChanged', container: null }, snapshot, { type: 'containerChanged', container: null }]),
      [snapshot, { type: 'containerChanged', container: null }],
    );
  });

  it('gives the page the same conversation as the updates one by one, for a recorded turn', () => {
    const [paused, resumed] = recordedRequests('pause-and-file');
    const { reducer, updates } = reducing();
    reducer.beginRequest(false);
    for (const event of paused ?? []) reducer.apply(event);
    reducer.beginRequest(true);
    for (const event of resumed ?? []) reducer.apply(event);
    reducer.finish('done');
    const initial = { turns: [newTurn()], container: null };
    const oneByOne = structuredClone(updates).reduce(applyChatUpdate, structuredClone(initial));
    const merged = coalesceUpdates(structuredClone(updates));
    assert.ok(merged.length < updates.length, 'appends were merged');
    assert.deepEqual(merged.reduce(applyChatUpdate, structuredClone(initial)), oneByOne);
  });
});

describe('UpdateBatcher', () => {
  it('hands on queued updates merged, once, when flushed', () => {
    const flushed: ChatUpdate[][] = [];
    const batcher = new UpdateBatcher((updates) => flushed.push(updates));
    batcher.push({ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'a' });
    batcher.push({ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'b' });
    batcher.flushNow();
    batcher.flushNow();
    assert.deepEqual(flushed, [[{ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'ab' }]]);
  });

  it('flushes by itself after a frame, and clear drops what is queued', async () => {
    const flushed: ChatUpdate[][] = [];
    let resolveFlush: () => void = () => {};
    const flushedOnce = new Promise<void>((resolve) => (resolveFlush = resolve));
    const batcher = new UpdateBatcher((updates) => {
      flushed.push(updates);
      resolveFlush();
    });
    batcher.push({ type: 'containerChanged', container: null });
    batcher.clear();
    batcher.push({ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'z' });
    await flushedOnce;
    assert.deepEqual(flushed, [[{ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'z' }]]);
  });

  it('hands on what waited a frame at the next update, also when no timer gets to run', async () => {
    const flushed: ChatUpdate[][] = [];
    let clock = 0;
    const batcher = new UpdateBatcher(
      (updates) => flushed.push(updates),
      () => clock,
    );
    const append = (text: string): void => batcher.push({ type: 'textAppended', turnId: 'a', blockIndex: 0, text });
    // A stream delivered in one go: every event handled in promise callbacks, the clock moving 1 ms per event.
    await Array.from('abcdefghijklmnopqrstuvwxyz0123456789').reduce(
      (previous, text) =>
        previous.then(() => {
          append(text);
          clock += 1;
        }),
      Promise.resolve(),
    );
    assert.deepEqual(flushed, [
      [{ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'abcdefghijklmnopq' }],
      [{ type: 'textAppended', turnId: 'a', blockIndex: 0, text: 'rstuvwxyz01234567' }],
    ]);
    batcher.flushNow();
    assert.deepEqual(flushed[2], [{ type: 'textAppended', turnId: 'a', blockIndex: 0, text: '89' }]);
  });
});
