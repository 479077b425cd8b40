import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSkillsClient, listVersionsOfSkills, SkillsApiError, type SkillsClient, type SkillVersion } from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { TEST_KEY } from '../emulator/support';

/** A client whose versions lists wait until released, counting how many are in flight at once. */
function gatedClient(): { client: SkillsClient; maxInFlight: () => number; releaseAll: () => void; waiting: () => number } {
  let inFlight = 0;
  let max = 0;
  const gates: Array<() => void> = [];
  let onGate: (() => void) | undefined;
  const client = {
    async *iterateVersions(skillId: string): AsyncGenerator<SkillVersion> {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise<void>((resolve) => {
        gates.push(resolve);
        onGate?.();
      });
      inFlight--;
      if (skillId === 'broken') throw new SkillsApiError('server', 'Server trouble.', 500);
      yield {
        id: `v-${skillId}`,
        ref: `v-${skillId}`,
        version: null,
        skillId,
        name: skillId,
        description: '',
        directory: null,
        createdAt: '',
      };
    },
  } as unknown as SkillsClient;
  const releaseAll = (): void => {
    onGate = () => gates.shift()?.();
    while (gates.length > 0) gates.shift()?.();
  };
  return { client, maxInFlight: () => max, releaseAll, waiting: () => gates.length };
}

describe('listVersionsOfSkills', () => {
  it('never runs more than `concurrency` lists at once, and isolates failures', async () => {
    const { client, maxInFlight, releaseAll, waiting } = gatedClient();
    const ids = ['a', 'b', 'broken', 'c', 'd', 'e', 'f'];
    const settled: string[] = [];
    const done = listVersionsOfSkills(client, ids, { concurrency: 3, onSettled: (id) => settled.push(id) });
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(waiting(), 3);
    releaseAll();
    const outcomes = await done;
    assert.equal(maxInFlight(), 3);
    assert.deepEqual([...outcomes.keys()].sort(), [...ids].sort());
    assert.deepEqual(settled.sort(), [...ids].sort());
    const broken = outcomes.get('broken');
    assert.equal(broken?.ok, false);
    assert.equal(broken?.ok === false && broken.error.kind, 'server');
    const a = outcomes.get('a');
    assert.deepEqual(a?.ok && a.versions.map((v) => v.id), ['v-a']);
  });

  it('lists every version of every skill from the emulator', async (t) => {
    const emulator: RunningEmulator = await startEmulator();
    t.after(() => emulator.close());
    emulator.admin.fill(12, 3);
    const client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, maxRetries: 0 });
    const ids = emulator.admin.store.list().map((s) => s.id);
    const outcomes = await listVersionsOfSkills(client, [...ids, 'skill_missing'], { concurrency: 4 });
    for (const id of ids) {
      const outcome = outcomes.get(id);
      assert.equal(outcome?.ok && outcome.versions.length, 3);
    }
    const missing = outcomes.get('skill_missing');
    assert.equal(missing?.ok === false && missing.error.kind, 'not-found');
  });

  it('stops starting new lists once the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { client } = gatedClient();
    assert.equal((await listVersionsOfSkills(client, ['a', 'b'], { signal: controller.signal })).size, 0);
  });
});
