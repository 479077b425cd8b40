import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { createSkillsClient, SkillsApiError, type SkillsClient } from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { skillFolder, TEST_KEY } from '../emulator/support';
import { collect } from './collect';

for (const betaShape of [false, true]) {
  describe(`SkillsClient against the emulator (${betaShape ? 'beta' : 'GA'} shape)`, () => {
    let emulator: RunningEmulator;
    let client: SkillsClient;
    before(async () => {
      emulator = await startEmulator({ seed: true });
      client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, betaShape, maxRetries: 0 });
    });
    after(() => emulator.close());

    it('lists skills by page and by iterator, filtered by source', async () => {
      const first = await client.listSkills({ limit: 5 });
      assert.equal(first.items.length, 5);
      assert.notEqual(first.nextPage, null);
      const second = await client.listSkills({ limit: 5, page: first.nextPage });
      assert.equal(second.items.length, 2);
      assert.equal(second.nextPage, null);
      const everything = await collect(client.iterateSkills({ limit: 3 }));
      assert.deepEqual(
        everything.map((s) => s.id),
        [...first.items, ...second.items].map((s) => s.id),
      );
      const anthropic = await collect(client.iterateSkills({ source: 'anthropic' }));
      assert.deepEqual(anthropic.map((s) => s.title).sort(), [
        'Excel spreadsheets',
        'PDF documents',
        'PowerPoint presentations',
        'Word documents',
      ]);
      assert.ok(anthropic.every((s) => s.source === 'anthropic'));
    });

    it('creates a skill and versions, reads them back, downloads byte for byte, and deletes them', async () => {
      const folder = skillFolder('round-trip');
      const skill = await client.createSkill(folder, 'Round trip');
      assert.equal(skill.title, 'Round trip');
      assert.equal(skill.source, 'custom');
      assert.deepEqual(await client.getSkill(skill.id), skill);

      const version = await client.createVersion(skill.id, folder);
      assert.equal(version.skillId, skill.id);
      assert.equal(version.name, 'round-trip');
      assert.equal(version.ref, betaShape ? version.version : version.id);
      assert.equal(version.directory, betaShape ? 'round-trip' : null);
      assert.equal((await client.getSkill(skill.id)).latestVersion, version.ref);
      assert.deepEqual(await client.getVersion(skill.id, 'latest'), version);
      assert.deepEqual(await client.getVersion(skill.id, version.ref), version);

      const versions = await collect(client.iterateVersions(skill.id, { limit: 1 }));
      assert.equal(versions.length, 2);
      assert.deepEqual(versions[0], version);

      const zip = await JSZip.loadAsync(await client.downloadVersion(skill.id, version.ref));
      for (const file of folder) assert.deepEqual(await zip.file(file.path)?.async('uint8array'), file.data);

      for (const each of versions) await client.deleteVersion(skill.id, each.ref);
      assert.deepEqual((await client.listVersions(skill.id)).items, []);
      await client.deleteSkill(skill.id);
      await assert.rejects(client.getSkill(skill.id), (error: unknown) => error instanceof SkillsApiError && error.kind === 'not-found');
    });

    it('explains refused uploads and deletes', async () => {
      const skill = await client.createSkill(skillFolder('kept-name'));
      await assert.rejects(client.createVersion(skill.id, skillFolder('changed-name')), (error: unknown) => {
        assert.ok(error instanceof SkillsApiError);
        assert.equal(error.kind, 'bad-request');
        assert.equal(error.status, 400);
        assert.match(error.message, /same name/);
        assert.match(error.requestId ?? '', /^req_/);
        return true;
      });
      await assert.rejects(
        client.deleteSkill(skill.id),
        (error: unknown) => error instanceof SkillsApiError && /delete its versions/.test(error.message),
      );
      const [pdf] = emulator.admin.store.list('anthropic');
      await assert.rejects(
        client.deleteSkill(pdf?.id ?? ''),
        (error: unknown) => error instanceof SkillsApiError && error.kind === 'permission',
      );
    });
  });
}

describe('SkillsClient options', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ seed: true });
  });
  after(() => emulator.close());

  it('fails every call with no-key when there is no key, without a request', async () => {
    const seen: string[] = [];
    const stop = emulator.admin.onRequest((request) => seen.push(request.path));
    const client = createSkillsClient({ apiKey: undefined, baseUrl: emulator.url });
    await assert.rejects(
      client.listSkills(),
      (error: unknown) => error instanceof SkillsApiError && error.kind === 'no-key' && /API key/.test(error.message),
    );
    await assert.rejects(collect(client.iterateSkills()), (error: unknown) => error instanceof SkillsApiError && error.kind === 'no-key');
    stop();
    assert.deepEqual(seen, []);
  });

  it('sends the workspace id and logs one line per request without the key', async () => {
    const lines: string[] = [];
    const workspaces: unknown[] = [];
    const stop = emulator.admin.onRequest((request) => workspaces.push(request.headers['anthropic-workspace-id']));
    const client = createSkillsClient({
      apiKey: TEST_KEY,
      baseUrl: emulator.url,
      workspaceId: 'wrkspc_test',
      log: (line) => lines.push(line),
    });
    await client.listSkills({ limit: 2 });
    await assert.rejects(client.getSkill('skill_missing'));
    stop();
    assert.deepEqual(workspaces, ['wrkspc_test', 'wrkspc_test']);
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^GET \/v1\/skills\?limit=2 200 req_\w+ \d+ ms$/);
    assert.match(lines[1] ?? '', /^GET \/v1\/skills\/skill_missing 404 req_\w+ \d+ ms$/);
    assert.ok(lines.every((line) => !line.includes(TEST_KEY)));
  });

  it('reports a rejected key as auth', async () => {
    const strict = await startEmulator({ apiKey: TEST_KEY });
    try {
      const client = createSkillsClient({ apiKey: 'another-test-key', baseUrl: strict.url });
      await assert.rejects(
        client.listSkills(),
        (error: unknown) => error instanceof SkillsApiError && error.kind === 'auth' && error.status === 401,
      );
    } finally {
      await strict.close();
    }
  });
});
