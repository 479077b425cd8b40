import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InternalServerError } from '@anthropic-ai/sdk';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { readZip } from '../../../src/core/zip/readZip';
import { retryingAtOnce, sdkFor, skillFolder, uploadables } from './support';

const STATE = 'skills-emulator-state.json';
const LOG = 'skills-emulator-log.jsonl';

describe('emulator --data', () => {
  const folders: string[] = [];
  const freshFolder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'skillsmith-emulator-'));
    folders.push(dir);
    return dir;
  };
  after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Starts an emulator on `dataDir`, runs `work`, and always closes it. */
  async function withEmulator<T>(dataDir: string, work: (emulator: RunningEmulator) => Promise<T>, seed = false): Promise<T> {
    const emulator = await startEmulator({ dataDir, seed });
    try {
      return await work(emulator);
    } finally {
      await emulator.close();
    }
  }

  it('keeps skills, versions and files across a restart, and leaves no temporary files', async () => {
    const dataDir = freshFolder();
    const folder = skillFolder('kept-skill');
    const created = await withEmulator(dataDir, async (first) =>
      sdkFor(first.url).beta.skills.create({ files: await uploadables(folder), display_name: 'Kept' }),
    );
    await withEmulator(
      dataDir,
      async (second) => {
        const sdk = sdkFor(second.url);
        const skills = (await sdk.beta.skills.list()).data;
        assert.deepEqual(
          skills.map((skill) => skill.id),
          [created.id],
          'saved state wins over --seed',
        );
        const zip = new Uint8Array(await (await sdk.beta.skills.versions.download('latest', { skill_id: created.id })).arrayBuffer());
        assert.deepEqual(
          readZip(zip)
            .map((file) => [file.path, Buffer.from(file.data).toString('hex')])
            .sort(),
          folder.map((file) => [file.path, Buffer.from(file.data).toString('hex')]).sort(),
        );
      },
      true,
    );
    assert.deepEqual(readdirSync(dataDir).sort(), ['blobs', STATE]);
    assert.ok(readdirSync(join(dataDir, 'blobs')).every((name) => /^[0-9a-f]{64}$/.test(name)));
  });

  it('seeds a fresh data folder and resets back to the seed', async () => {
    await withEmulator(
      freshFolder(),
      async (emulator) => {
        const sdk = sdkFor(emulator.url);
        assert.equal((await sdk.beta.skills.list()).data.length, 7);
        await sdk.beta.skills.create({ files: await uploadables(skillFolder('extra-skill')) });
        const reset = await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
        assert.equal(reset.status, 200);
        assert.equal((await sdk.beta.skills.list()).data.length, 7);
      },
      true,
    );
  });

  it('answers 500 when a file cannot be written, and keeps nothing of it: one SDK create with retries makes no skill', async () => {
    const dataDir = freshFolder();
    await withEmulator(dataDir, async (emulator) => {
      let attempts = 0;
      emulator.admin.onRequest((request) => (attempts += request.method === 'POST' ? 1 : 0));
      rmSync(join(dataDir, 'blobs'), { recursive: true });
      writeFileSync(join(dataDir, 'blobs'), 'a file where the blobs folder was');
      const sdk = sdkFor(emulator.url, { maxRetries: 2, fetch: retryingAtOnce });
      await assert.rejects(sdk.skills.create({ files: await uploadables(skillFolder('unsaved')) }), (error: unknown) => {
        assert.ok(error instanceof InternalServerError);
        assert.match(error.apiMessage ?? '', /could not save the change in .*; nothing was changed/);
        return true;
      });
      assert.equal(attempts, 3, 'the SDK tried three times');
      assert.equal((await sdk.skills.list()).data.length, 0, 'no attempt left a skill behind');
      rmSync(join(dataDir, 'blobs'));
      mkdirSync(join(dataDir, 'blobs'));
      await sdk.skills.create({ files: await uploadables(skillFolder('saved')) });
    });
    await withEmulator(dataDir, async (emulator) => {
      assert.deepEqual(
        (await sdkFor(emulator.url).skills.list()).data.map((skill) => skill.display_name),
        ['saved'],
      );
    });
  });

  it('keeps nothing of a change whose log line cannot be written: create, new version and delete alike', async () => {
    const dataDir = freshFolder();
    await withEmulator(dataDir, async (emulator) => {
      const sdk = sdkFor(emulator.url);
      const skill = await sdk.skills.create({ files: await uploadables(skillFolder('steady')) });
      rmSync(join(dataDir, LOG));
      mkdirSync(join(dataDir, LOG, 'in-the-way'), { recursive: true });
      await assert.rejects(sdk.skills.create({ files: await uploadables(skillFolder('unsaved')) }), InternalServerError);
      await assert.rejects(sdk.skills.versions.create(skill.id, { files: await uploadables(skillFolder('steady')) }), InternalServerError);
      await assert.rejects(sdk.skills.versions.delete(skill.latest_version_id ?? '', { skill_id: skill.id }), InternalServerError);
      assert.equal((await sdk.skills.list()).data.length, 1);
      const versions = (await sdk.skills.versions.list(skill.id)).data;
      assert.deepEqual(
        versions.map((version) => version.id),
        [skill.latest_version_id],
      );
      assert.equal((await sdk.skills.retrieve(skill.id)).updated_at, skill.updated_at);
      assert.ok(!readdirSync(dataDir).some((name) => name.endsWith('.tmp')), 'the failed write removed its temporary file');
    });
  });

  it('stores each file once, apart from a small index, and does not rewrite what a change leaves alone', async () => {
    const dataDir = freshFolder();
    const big = { path: 'big-skill/data.bin', data: new Uint8Array(randomBytes(4 * 1024 * 1024)) };
    await withEmulator(dataDir, async (emulator) => {
      const sdk = sdkFor(emulator.url);
      const skill = await sdk.skills.create({ files: await uploadables([...skillFolder('big-skill'), big]) });
      const blobs = readdirSync(join(dataDir, 'blobs'));
      assert.equal(blobs.length, 4, 'SKILL.md, two small files and the big one');
      const before = new Map(blobs.map((name) => [name, statSync(join(dataDir, 'blobs', name))]));
      await sdk.skills.versions.create(skill.id, { files: await uploadables([...skillFolder('big-skill'), big]) });
      await sdk.skills.create({ files: await uploadables(skillFolder('small-skill')) });
      const after = readdirSync(join(dataDir, 'blobs'));
      assert.equal(after.length, 5, 'the unchanged version added no blob; the new skill added only its own SKILL.md');
      for (const [name, stat] of before) {
        const now = statSync(join(dataDir, 'blobs', name));
        assert.deepEqual([now.ino, now.mtimeMs], [stat.ino, stat.mtimeMs], `${name} was not rewritten`);
      }
      assert.ok(
        statSync(join(dataDir, STATE)).size + statSync(join(dataDir, LOG)).size < 8 * 1024,
        'the index and its log hold no file contents',
      );
    });
  });

  it('removes the temporary files of a crashed write, and blobs nothing refers to, on start', async () => {
    const dataDir = freshFolder();
    await withEmulator(dataDir, async (emulator) => {
      await sdkFor(emulator.url).skills.create({ files: await uploadables(skillFolder('survivor')) });
    });
    const orphan = 'f'.repeat(64);
    writeFileSync(join(dataDir, `${STATE}.4242.tmp`), '{"skills": [');
    writeFileSync(join(dataDir, 'blobs', `${orphan}.4242.tmp`), 'half a blob');
    writeFileSync(join(dataDir, 'blobs', orphan), 'from a change whose index was never written');
    await withEmulator(dataDir, async (emulator) => {
      assert.equal((await sdkFor(emulator.url).skills.list()).data.length, 1);
    });
    assert.deepEqual(readdirSync(dataDir).sort(), ['blobs', STATE]);
    assert.ok(!readdirSync(join(dataDir, 'blobs')).some((name) => name.startsWith(orphan)));
  });

  it('refuses a data folder whose files are missing or altered, saying what to do', async () => {
    const dataDir = freshFolder();
    await withEmulator(dataDir, async (emulator) => {
      await sdkFor(emulator.url).skills.create({ files: await uploadables(skillFolder('fragile')) });
    });
    const [first] = readdirSync(join(dataDir, 'blobs'));
    const blob = join(dataDir, 'blobs', first ?? '');
    writeFileSync(blob, 'altered');
    await assert.rejects(
      startEmulator({ dataDir }),
      /not an emulator state file \(the blob .* does not hold the contents its name promises\); move it away/,
    );
    rmSync(blob);
    await assert.rejects(startEmulator({ dataDir }), /the blob .* is missing\); move it away/);
  });

  it('refuses a data folder whose state file is not its own, saying what to do', async () => {
    const odd = freshFolder();
    const texts = [
      '{"unrelated": true',
      '{"skills": [{"id": 1}]}',
      '{"skills": [{"id": "skill_1", "name": "a", "source": "custom", "versions": [{}]}]}',
      '{"format": 3, "skills": []}',
    ];
    for (const text of texts) {
      writeFileSync(join(odd, STATE), text);
      const started = startEmulator({ dataDir: odd }).then((emulator) => emulator.close()); // closes one that wrongly starts
      await assert.rejects(started, /not an emulator state file \(.*\); move it away/, text);
    }
  });

  it('reads a state file of the earlier format, with contents inline, and moves them to blobs on the next change', async () => {
    const dataDir = freshFolder();
    const files = skillFolder('old-skill');
    const version = {
      key: '01old',
      label: '1700000000000000',
      name: 'old-skill',
      description: 'Old.',
      directory: 'old-skill',
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    const skill = {
      id: 'skill_01old',
      displayName: 'Old',
      source: 'custom',
      createdAt: version.createdAt,
      updatedAt: version.createdAt,
      name: 'old-skill',
    };
    const inline = files.map((file) => ({ path: file.path, base64: Buffer.from(file.data).toString('base64') }));
    writeFileSync(join(dataDir, STATE), JSON.stringify({ skills: [{ ...skill, versions: [{ ...version, files: inline }] }] }));
    await withEmulator(dataDir, async (emulator) => {
      const sdk = sdkFor(emulator.url);
      const zip = new Uint8Array(await (await sdk.beta.skills.versions.download('latest', { skill_id: skill.id })).arrayBuffer());
      assert.equal(readZip(zip).length, files.length);
      await sdk.skills.create({ files: await uploadables(skillFolder('new-skill')) });
    });
    assert.doesNotMatch(readFileSync(join(dataDir, STATE), 'utf8'), /base64/);
    await withEmulator(dataDir, async (emulator) => {
      assert.equal((await sdkFor(emulator.url).skills.list()).data.length, 2);
    });
  });
});
