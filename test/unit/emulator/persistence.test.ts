import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startEmulator } from '../../../src/emulator';
import { sdkFor, skillFolder, uploadables } from './support';

describe('emulator --data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'skillsmith-emulator-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps skills, versions and files across a restart, and leaves no temporary files', async () => {
    const first = await startEmulator({ dataDir });
    const folder = skillFolder('kept-skill');
    const created = await sdkFor(first.url).beta.skills.create({ files: await uploadables(folder), display_name: 'Kept' });
    await first.close();

    const second = await startEmulator({ dataDir, seed: true });
    const sdk = sdkFor(second.url);
    const skills = (await sdk.beta.skills.list()).data;
    assert.deepEqual(skills.map((skill) => skill.id), [created.id], 'saved state wins over --seed');
    const zip = await (await sdk.beta.skills.versions.download('latest', { skill_id: created.id })).arrayBuffer();
    assert.ok(zip.byteLength > 0);
    await second.close();
    assert.deepEqual(readdirSync(dataDir), ['skills-emulator-state.json']);
  });

  it('seeds a fresh data folder and resets back to the seed', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'skillsmith-emulator-'));
    const emulator = await startEmulator({ dataDir: fresh, seed: true });
    try {
      const sdk = sdkFor(emulator.url);
      assert.equal((await sdk.beta.skills.list()).data.length, 7);
      await sdk.beta.skills.create({ files: await uploadables(skillFolder('extra-skill')) });
      const reset = await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      assert.equal(reset.status, 200);
      assert.equal((await sdk.beta.skills.list()).data.length, 7);
    } finally {
      await emulator.close();
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('refuses a data folder whose state file is not its own, saying what to do', async () => {
    const odd = mkdtempSync(join(tmpdir(), 'skillsmith-emulator-'));
    try {
      for (const text of ['{"unrelated": true', '{"skills": [{"id": 1}]}', '{"skills": [{"id": "skill_1", "name": "a", "source": "custom", "versions": [{}]}]}']) {
        writeFileSync(join(odd, 'skills-emulator-state.json'), text);
        const started = startEmulator({ dataDir: odd }).then((emulator) => emulator.close()); // closes one that wrongly starts
        await assert.rejects(started, /not an emulator state file; move it away/, text);
      }
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });
});
