import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { BETA, emulatorForSuite, skillFolder, uploadables } from './support';

/** Every file of a zip, path → bytes. */
async function unzip(bytes: ArrayBuffer): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
  return files;
}

describe('emulator routes through the real SDK', () => {
  const env = emulatorForSuite();

  it('serves the GA shape by default: create, retrieve, versions by id, download, delete', async () => {
    const folder = skillFolder('ga-skill');
    const skill = await env.sdk.beta.skills.create({ files: await uploadables(folder), display_name: 'GA skill' });
    assert.match(skill.id, /^skill_01\w{24}$/);
    assert.equal(skill.type, 'skill');
    assert.equal(skill.display_name, 'GA skill');
    assert.deepEqual(skill.source, { type: 'custom' });
    assert.match(skill.latest_version_id, /^skver_01\w{24}$/);
    assert.deepEqual(await env.sdk.beta.skills.retrieve(skill.id), skill);

    const second = await env.sdk.beta.skills.versions.create(skill.id, { files: await uploadables(folder) });
    assert.match(second.id, /^skver_/);
    assert.equal(second.type, 'skill_version');
    assert.equal(second.skill_id, skill.id);
    assert.equal(second.name, 'ga-skill');
    assert.equal('version' in second, false);
    assert.equal((await env.sdk.beta.skills.retrieve(skill.id)).latest_version_id, second.id);

    const listed = await env.sdk.beta.skills.versions.list(skill.id);
    assert.deepEqual(
      listed.data.map((v) => v.id),
      [second.id, skill.latest_version_id],
    );
    assert.equal((await env.sdk.beta.skills.versions.retrieve('latest', { skill_id: skill.id })).id, second.id);
    assert.deepEqual(await env.sdk.beta.skills.versions.retrieve(second.id, { skill_id: skill.id }), second);

    const response = await env.sdk.beta.skills.versions.download(second.id, { skill_id: skill.id });
    assert.equal(response.headers.get('content-type'), 'application/zip');
    const files = await unzip(await response.arrayBuffer());
    assert.deepEqual([...files.keys()].sort(), folder.map((f) => f.path).sort());
    for (const file of folder) assert.deepEqual(files.get(file.path), file.data);

    assert.deepEqual(await env.sdk.beta.skills.versions.delete(second.id, { skill_id: skill.id }), {
      id: second.id,
      type: 'skill_version_deleted',
    });
    await env.sdk.beta.skills.versions.delete(skill.latest_version_id, { skill_id: skill.id });
    assert.deepEqual(await env.sdk.beta.skills.delete(skill.id), { id: skill.id, type: 'skill_deleted' });
  });

  it('serves the beta shape when the request carries skills-2025-10-02, versions addressed by label', async () => {
    const folder = skillFolder('beta-skill');
    const created = await env.sdk.beta.skills.create({ files: await uploadables(folder), display_name: 'Beta skill', betas: BETA });
    const skill = created as unknown as Record<string, unknown>;
    assert.equal(skill['display_title'], 'Beta skill');
    assert.equal(skill['source'], 'custom');
    assert.match(String(skill['latest_version']), /^\d{16}$/);
    assert.equal('display_name' in skill, false);

    const version = (await env.sdk.beta.skills.versions.create(created.id, {
      files: await uploadables(folder),
      betas: BETA,
    })) as unknown as Record<string, unknown>;
    assert.match(String(version['id']), /^skillver_/);
    assert.equal(version['directory'], 'beta-skill');
    const label = String(version['version']);
    assert.ok(label > String(skill['latest_version']), 'labels increase');

    const fetched = await env.sdk.beta.skills.versions.retrieve(label, { skill_id: created.id, betas: BETA });
    assert.equal(fetched.id, version['id']);
    const zip = await unzip(
      await (await env.sdk.beta.skills.versions.download(label, { skill_id: created.id, betas: BETA })).arrayBuffer(),
    );
    assert.deepEqual(zip.get('beta-skill/assets/blob.bin'), folder[2]?.data);

    const deleted = await env.sdk.beta.skills.versions.delete(label, { skill_id: created.id, betas: BETA });
    assert.deepEqual(deleted, { id: version['id'], type: 'skill_version_deleted' });
    const remaining = await env.sdk.beta.skills.versions.list(created.id, { betas: BETA });
    assert.deepEqual(
      remaining.data.map((v) => (v as unknown as Record<string, unknown>)['version']),
      [skill['latest_version']],
    );
  });

  it('uses the display name from the frontmatter name when none is given', async () => {
    const skill = await env.sdk.beta.skills.create({ files: await uploadables(skillFolder('unnamed-skill')) });
    assert.equal(skill.display_name, 'unnamed-skill');
  });
});
