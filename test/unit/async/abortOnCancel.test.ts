import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { createSkillsClient, SkillsApiError, type SkillsClient } from '../../../src/core/api';
import { abortOnCancel, type CancellationLike } from '../../../src/core/async/abortOnCancel';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { TEST_KEY } from '../emulator/support';

/** A cancellation token shaped like VS Code's, with the source's `cancel`. */
function tokenSource(): { token: CancellationLike; cancel: () => void; listeners: () => number } {
  const events = new EventEmitter();
  let cancelled = false;
  const token: CancellationLike = {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener) {
      events.on('cancel', listener);
      return { dispose: () => events.off('cancel', listener) };
    },
  };
  const cancel = () => {
    cancelled = true;
    events.emit('cancel');
  };
  return { token, cancel, listeners: () => events.listenerCount('cancel') };
}

describe('abortOnCancel', () => {
  let emulator: RunningEmulator;
  let client: SkillsClient;
  before(async () => {
    emulator = await startEmulator({ seed: true });
    client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, maxRetries: 0 });
  });
  after(() => emulator.close());

  it('cancelling the token cancels the SDK request in flight', { timeout: 30_000 }, async () => {
    const source = tokenSource();
    const linked = abortOnCancel(source.token);
    emulator.admin.injectFault({ method: 'GET', path: '/v1/skills', latencyMs: 600_000 });
    const stopListening = emulator.admin.onRequest((request) => {
      if (request.path === '/v1/skills') source.cancel();
    });
    try {
      await assert.rejects(
        client.listSkills({ signal: linked.signal }),
        (error: unknown) => error instanceof SkillsApiError && error.kind === 'cancelled',
      );
    } finally {
      stopListening();
      emulator.admin.clearFaults();
      linked.dispose();
    }
    assert.equal(linked.signal.aborted, true);
  });

  it('a token cancelled already gives an aborted signal; dispose stops listening', () => {
    const early = tokenSource();
    early.cancel();
    assert.equal(abortOnCancel(early.token).signal.aborted, true);

    const later = tokenSource();
    const linked = abortOnCancel(later.token);
    assert.equal(later.listeners(), 1);
    linked.dispose();
    assert.equal(later.listeners(), 0);
    later.cancel();
    assert.equal(linked.signal.aborted, false, 'a disposed link no longer follows the token');
  });
});
