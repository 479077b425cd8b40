import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APIError } from '@anthropic-ai/sdk';
import { seedSkills } from '../../../src/emulator/seed';
import { emulatorForSuite, skillFolder, uploadables } from './support';

/** The keyset `page` tokens: changes between two page requests neither skip nor repeat an item. */
describe('emulator page tokens are keyset cursors (through the real SDK)', () => {
  const env = emulatorForSuite();

  /** Fills the emulator with `count` one-version skills; their ids newest first. */
  const fillSkills = (count: number): string[] => {
    env.emulator.admin.fill(count, 1);
    return env.emulator.admin.store.list().map((skill) => skill.id);
  };

  /** Deletes a custom skill the way a client must: its versions first. */
  const deleteSkill = async (id: string): Promise<void> => {
    for await (const version of env.sdk.beta.skills.versions.list(id)) {
      await env.sdk.beta.skills.versions.delete(version.id, { skill_id: id });
    }
    await env.sdk.beta.skills.delete(id);
  };

  /** The ids of every page after `token`, in order, following `next_page` to the end. */
  const idsAfter = async (token: string | null): Promise<string[]> => {
    const ids: string[] = [];
    let page = token;
    while (page !== null) {
      const answer = await env.sdk.beta.skills.list({ limit: 3, page });
      ids.push(...answer.data.map((skill) => skill.id));
      page = answer.next_page;
    }
    return ids;
  };

  /** 400 in the service's error body, naming `next_page`. */
  const isBadPageToken = (error: unknown): boolean => {
    assert.ok(error instanceof APIError);
    assert.equal(error.status, 400);
    assert.equal((error.error as { error?: { type?: string } }).error?.type, 'invalid_request_error');
    assert.match(error.message, /next_page/);
    return true;
  };

  it('deleting a skill already returned does not skip the next one', async () => {
    const all = fillSkills(8);
    const first = await env.sdk.beta.skills.list({ limit: 3 });
    assert.deepEqual(
      first.data.map((skill) => skill.id),
      all.slice(0, 3),
    );
    await deleteSkill(all[1] ?? '');
    assert.deepEqual(await idsAfter(first.next_page), all.slice(3));
  });

  it('deleting the last skill of a page does not skip or repeat the rest', async () => {
    const all = fillSkills(8);
    const first = await env.sdk.beta.skills.list({ limit: 3 });
    await deleteSkill(all[2] ?? '');
    assert.deepEqual(await idsAfter(first.next_page), all.slice(3));
  });

  it('a skill created between pages does not repeat one already returned', async () => {
    const all = fillSkills(8);
    const first = await env.sdk.beta.skills.list({ limit: 3 });
    await env.sdk.beta.skills.create({ files: await uploadables(skillFolder('late-skill')) });
    assert.deepEqual(await idsAfter(first.next_page), all.slice(3));
  });

  it('deleting a version already returned does not skip the next version', async () => {
    env.emulator.admin.fill(1, 7);
    const [skill] = env.emulator.admin.store.list();
    const skillId = skill?.id ?? '';
    const all = (await env.sdk.beta.skills.versions.list(skillId, { limit: 100 })).data.map((version) => version.id);
    const first = await env.sdk.beta.skills.versions.list(skillId, { limit: 2 });
    assert.deepEqual(
      first.data.map((version) => version.id),
      all.slice(0, 2),
    );
    await env.sdk.beta.skills.versions.delete(all[1] ?? '', { skill_id: skillId });
    const rest: string[] = [];
    for await (const version of env.sdk.beta.skills.versions.list(skillId, { limit: 2, page: first.next_page })) rest.push(version.id);
    assert.deepEqual(rest, all.slice(2));
  });

  it('pages every skill exactly once when several share a creation time', async () => {
    const sameTime = new Date('2026-01-01T00:00:00.000Z').toISOString();
    env.emulator.admin.store.replaceAll(seedSkills().map((skill) => ({ ...skill, createdAt: sameTime })));
    const ids: string[] = [];
    for await (const skill of env.sdk.beta.skills.list({ limit: 2 })) ids.push(skill.id);
    assert.equal(ids.length, 7);
    assert.equal(new Set(ids).size, 7);
    assert.deepEqual(
      ids,
      env.emulator.admin.store.list().map((skill) => skill.id),
    );
  });

  it('keeps the source filter across pages', async () => {
    env.emulator.admin.store.replaceAll(seedSkills());
    const names: string[] = [];
    for await (const skill of env.sdk.beta.skills.list({ limit: 1, source: 'anthropic' })) names.push(skill.display_name);
    assert.deepEqual(names.sort(), ['Excel spreadsheets', 'PDF documents', 'PowerPoint presentations', 'Word documents']);
    const custom = await env.sdk.beta.skills.list({ limit: 2, source: 'custom' });
    const rest = await env.sdk.beta.skills.list({ limit: 2, source: 'custom', page: custom.next_page });
    assert.deepEqual(
      rest.data.map((skill) => skill.display_name),
      ['Release notes'],
    );
    assert.equal(rest.next_page, null);
  });

  it('answers 400 for a malformed page token', async () => {
    fillSkills(3);
    const encode = (text: string): string => `page_${Buffer.from(text).toString('base64url')}`;
    const malformed = [
      'page_',
      'page_%%%',
      encode('offset:3'),
      encode('{"after":["x"]}'),
      encode('[1,2]'),
      encode('null'),
      encode('["yesterday","skill_x"]'),
      encode('["2026-01-01","skill_x"]'),
      encode('["2026-01-01T00:00:00.000Z",""]'),
    ];
    for (const page of malformed) await assert.rejects(env.sdk.beta.skills.list({ page }), isBadPageToken, page);
  });
});
