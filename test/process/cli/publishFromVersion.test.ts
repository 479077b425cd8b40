import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createSkillsClient, downloadFileSet, findVersion, publishSkill, type SkillsClient } from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { collect } from '../../unit/api/collect';
import { fileSetOf, skillMd } from '../../unit/bundle/support';
import { TEST_KEY } from '../../unit/emulator/support';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('skillsmith publish --from-version (built dist/cli.js)', () => {
  let emulator: RunningEmulator;
  let client: SkillsClient;
  let root: string;
  let skillId: string;

  async function skillsmith(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
    const base = { ...process.env, NO_COLOR: '1', ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: emulator.url };
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: root, env: { ...base, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as Outcome;
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  before(async () => {
    await run(process.execPath, ['esbuild.js'], { cwd: ROOT });
    emulator = await startEmulator();
    client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, maxRetries: 0 });
    root = await mkdtemp(path.join(tmpdir(), 'skillsmith-restore-'));
    ({ skillId } = await publishSkill(client, fileSetOf('roll-back', { 'SKILL.md': skillMd('roll-back'), 'notes.md': 'first\n' }), { newSkill: true }));
    await publishSkill(client, fileSetOf('roll-back', { 'SKILL.md': skillMd('roll-back', 'Broken.\n'), 'scripts/run.py': 'print(1)\n' }), { skillId });
  });
  after(async () => {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  });

  it('--dry-run prints what changes against the latest and publishes nothing', async () => {
    const dry = await skillsmith(['publish', '--from-version', 'v1', '--skill-id', skillId, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    const lines = dry.stdout.split('\n');
    assert.match(lines[0]!, new RegExp(`^Restoring v1 \\(.+\\) of ${skillId} over the latest, v2 \\(.+\\):$`));
    assert.deepEqual(lines.slice(1), ['  M SKILL.md', '  A notes.md', '  D scripts/run.py', 'Dry run: nothing was published.', '']);
    assert.equal((await collect(client.iterateVersions(skillId))).length, 2);
  });

  it('publishes a new version with exactly the files of the version named, by label or id, and prints JSON', async () => {
    const first = findVersion(await collect(client.iterateVersions(skillId)), 'v1')!;
    const restored = await skillsmith(['publish', '--from-version', 'v1', '--skill-id', skillId]);
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /\nPublished v3 \(version skver_\w+\) with the 2 files of v1 \(\d+ B\): it is the latest now\.\n$/);
    const [latest, original] = await Promise.all([downloadFileSet(client, skillId, 'latest'), downloadFileSet(client, skillId, first.ref)]);
    assert.deepEqual(latest.files, original.files);

    const again = await skillsmith(['publish', '--from-version', first.ref, '--skill-id', skillId, '--format', 'json']);
    assert.equal(again.code, 0, again.stderr);
    const { bytes, replaced, ...document } = JSON.parse(again.stdout);
    assert.equal(typeof bytes, 'number');
    assert.match(replaced, /^skver_/);
    assert.deepEqual(document, { skill_id: skillId, restored_from: first.ref, files: 2, added: [], removed: [], changed: [], version: null, unchanged: true, dry_run: false });
    assert.equal((await collect(client.iterateVersions(skillId))).length, 3, 'the same files again publish nothing');
  });

  it('exits 1 naming the versions when none matches; 2 on usage errors', async () => {
    const missing = await skillsmith(['publish', '--from-version', 'v7', '--skill-id', skillId]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, new RegExp(`Skill ${skillId} has no version v7: its versions are v1 to v\\d\\.`));
    for (const args of [['--from-version', 'v1'], ['--from-version', 'v1', '--skill-id', skillId, 'folder'], ['--from-version', 'v1', '--new'], ['--from-version', '', '--skill-id', skillId]]) {
      assert.equal((await skillsmith(['publish', ...args])).code, 2, args.join(' '));
    }
    assert.equal((await skillsmith(['publish', '--from-version', 'v1', '--skill-id', skillId], { ANTHROPIC_API_KEY: '' })).code, 2);
  });
});
