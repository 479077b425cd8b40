import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createSkillsClient,
  downloadFileSet,
  findVersion,
  planRestore,
  publishSkill,
  restoreVersion,
  SkillsApiError,
  versionReference,
  type SkillsClient,
} from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { fileSetOf, skillMd } from '../bundle/support';
import { TEST_KEY } from '../emulator/support';
import { collect } from './collect';

for (const betaShape of [false, true]) {
  describe(`planRestore and restoreVersion against the emulator (${betaShape ? 'beta' : 'GA'} shape)`, () => {
    let emulator: RunningEmulator;
    let client: SkillsClient;
    before(async () => {
      emulator = await startEmulator();
      client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, betaShape, maxRetries: 0 });
    });
    after(async () => {
      await emulator.close();
    });

    /** A skill with three versions: v1 {SKILL.md, notes.md}, v2 adds a script, v3 edits SKILL.md and drops the notes. */
    async function skillWithThreeVersions(name: string): Promise<string> {
      const v1 = fileSetOf(name, { 'SKILL.md': skillMd(name), 'notes.md': 'first\n' });
      const { skillId } = await publishSkill(client, v1, { newSkill: true });
      await publishSkill(
        client,
        fileSetOf(name, { 'SKILL.md': skillMd(name), 'notes.md': 'first\n', 'scripts/run.py': Uint8Array.of(0, 1, 2) }),
        { skillId },
      );
      await publishSkill(client, fileSetOf(name, { 'SKILL.md': skillMd(name, 'Edited.\n'), 'scripts/run.py': Uint8Array.of(0, 1, 2) }), {
        skillId,
      });
      return skillId;
    }

    it('plans v1 over v3: the changes from the latest to v1, found by its label or its ref', async () => {
      const skillId = await skillWithThreeVersions('restore-plan');
      const plan = await planRestore(client, skillId, 'v1');
      assert.equal(plan.versions.length, 3);
      assert.deepEqual(
        plan.changes.changed.map((f) => f.path),
        ['SKILL.md'],
      );
      assert.deepEqual(
        plan.changes.added.map((f) => f.path),
        ['notes.md'],
      );
      assert.deepEqual(
        plan.changes.removed.map((f) => f.path),
        ['scripts/run.py'],
      );
      assert.equal((await planRestore(client, skillId, plan.source.ref)).source.id, plan.source.id);
      assert.equal(findVersion(plan.versions, 'V3')?.id, plan.latest.id);
    });

    it('publishes exactly the restored version’s files as the new latest', async () => {
      const skillId = await skillWithThreeVersions('restore-files');
      const plan = await planRestore(client, skillId, 'v2');
      const result = await restoreVersion(client, plan);
      const versions = await collect(client.iterateVersions(skillId));
      assert.equal(versions.length, 4);
      const latest = await downloadFileSet(client, skillId, 'latest');
      const restored = await downloadFileSet(client, skillId, result.version);
      for (const files of [latest, restored]) {
        assert.deepEqual(
          files.files.map((f) => [f.path, Buffer.from(f.data).toString('hex')]),
          plan.files.files.map((f) => [f.path, Buffer.from(f.data).toString('hex')]),
        );
      }
    });

    it('names the skill’s labels when no version matches', async () => {
      const skillId = await skillWithThreeVersions('restore-missing');
      await assert.rejects(planRestore(client, skillId, 'v9'), (error: unknown) => {
        assert.ok(error instanceof SkillsApiError);
        assert.equal(error.kind, 'not-found');
        assert.equal(error.message, `Skill ${skillId} has no version v9: its versions are v1 to v3.`);
        return true;
      });
    });
  });
}

describe('versionReference', () => {
  it('is the {type, skill_id, version} object container.skills takes', () => {
    assert.deepEqual(versionReference({ skillId: 'skill_1', ref: 'skver_2' }), { type: 'custom', skill_id: 'skill_1', version: 'skver_2' });
    assert.deepEqual(versionReference({ skillId: 'xlsx', ref: '20251013' }, 'anthropic'), {
      type: 'anthropic',
      skill_id: 'xlsx',
      version: '20251013',
    });
  });
});
