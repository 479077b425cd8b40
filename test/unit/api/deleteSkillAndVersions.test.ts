import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSkillsClient, deleteSkillAndVersions, SkillsApiError, type DeleteSkillStep, type SkillsClient } from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { skillFolder, TEST_KEY } from '../emulator/support';
import { collect } from './collect';

/** A custom skill with `versions` versions in all (the create makes the first). */
async function skillWithVersions(client: SkillsClient, name: string, versions: number): Promise<string> {
  const skill = await client.createSkill(skillFolder(name), name);
  for (let made = 1; made < versions; made++) await client.createVersion(skill.id, skillFolder(name));
  return skill.id;
}

function isKind(kind: string): (error: unknown) => boolean {
  return (error) => error instanceof SkillsApiError && error.kind === kind;
}

for (const betaShape of [false, true]) {
  describe(`deleteSkillAndVersions against the emulator (${betaShape ? 'beta' : 'GA'} shape)`, () => {
    let emulator: RunningEmulator;
    let client: SkillsClient;
    before(async () => {
      emulator = await startEmulator({ seed: false });
      client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, betaShape, maxRetries: 0 });
    });
    after(() => emulator.close());

    it('deletes every version, newest first, then the skill, reporting each step before its request', async () => {
      const skillId = await skillWithVersions(client, 'three-versions', 3);
      const listed = await collect(client.iterateVersions(skillId));
      const steps: DeleteSkillStep[] = [];
      const forgotten: string[] = [];
      const result = await deleteSkillAndVersions(client, skillId, {
        onProgress: (step) => steps.push(step),
        onVersionDeleted: (version) => forgotten.push(version.ref),
      });
      assert.equal(result.deleted, true);
      assert.deepEqual(
        result.deleted && result.versionsDeleted.map((version) => version.ref),
        listed.map((version) => version.ref),
      );
      assert.deepEqual(
        forgotten,
        listed.map((version) => version.ref),
      );
      assert.deepEqual(
        steps.map(({ version, done, total }) => [version?.ref ?? 'skill', done, total]),
        [...listed.map((version, index) => [version.ref, index, 4]), ['skill', 3, 4]],
      );
      await assert.rejects(client.getSkill(skillId), isKind('not-found'));
    });

    it('asks once with every remaining version, and deletes nothing when the answer is no', async () => {
      const skillId = await skillWithVersions(client, 'kept', 2);
      const asked: string[][] = [];
      const result = await deleteSkillAndVersions(client, skillId, {
        confirmVersions: (versions) => {
          asked.push(versions.map((version) => version.ref));
          return Promise.resolve(false);
        },
      });
      assert.equal(result.deleted, false);
      assert.equal(asked.length, 1);
      assert.equal(asked[0]?.length, 2);
      assert.equal((await collect(client.iterateVersions(skillId))).length, 2, 'both versions are still there');
      await client.getSkill(skillId);
    });

    it('a skill the service deletes outright (no versions left) is deleted without asking', async () => {
      const skillId = await skillWithVersions(client, 'bare', 1);
      for (const version of await collect(client.iterateVersions(skillId))) await client.deleteVersion(skillId, version.ref);
      const result = await deleteSkillAndVersions(client, skillId, {
        confirmVersions: () => assert.fail('nothing to ask about'),
      });
      assert.deepEqual(result, { deleted: true, versionsDeleted: [] });
      await assert.rejects(client.getSkill(skillId), isKind('not-found'));
    });

    it('an abort cancels the request in flight and stops: the versions after it and the skill remain', { timeout: 30_000 }, async () => {
      const skillId = await skillWithVersions(client, 'cancelled', 3);
      const [, second, third] = await collect(client.iterateVersions(skillId));
      assert.ok(second && third);
      const controller = new AbortController();
      // The second delete hangs on the service until the emulator closes; the abort must end it.
      emulator.admin.injectFault({ method: 'DELETE', path: `/v1/skills/${skillId}/versions/${second.ref}`, latencyMs: 600_000 });
      const stopListening = emulator.admin.onRequest((request) => {
        if (request.method === 'DELETE' && request.path.endsWith(`/versions/${second.ref}`)) controller.abort();
      });
      try {
        await assert.rejects(deleteSkillAndVersions(client, skillId, { signal: controller.signal }), isKind('cancelled'));
      } finally {
        stopListening();
        emulator.admin.clearFaults();
      }
      const remaining = (await collect(client.iterateVersions(skillId))).map((version) => version.ref);
      assert.ok(remaining.includes(third.ref), 'the version after the cancelled one was not deleted');
      await client.getSkill(skillId);
    });

    it('an already aborted signal sends nothing', async () => {
      const skillId = await skillWithVersions(client, 'untouched', 1);
      const seen: string[] = [];
      const stopListening = emulator.admin.onRequest((request) => seen.push(`${request.method} ${request.path}`));
      try {
        await assert.rejects(deleteSkillAndVersions(client, skillId, { signal: AbortSignal.abort() }), isKind('cancelled'));
      } finally {
        stopListening();
      }
      assert.deepEqual(seen, []);
    });

    it('a failure that is not about remaining versions is the error, unchanged in kind', async () => {
      await assert.rejects(deleteSkillAndVersions(client, 'skill_does_not_exist'), isKind('not-found'));
    });
  });
}
