import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APIError, BadRequestError } from '@anthropic-ai/sdk';
import { seedSkills } from '../../../src/emulator/seed';
import { BETA, emulatorForSuite } from './support';

describe('emulator lists and pagination through the real SDK', () => {
  const env = emulatorForSuite();

  it('pages to the end with for await: every skill once, newest first, next_page null on the last page', async () => {
    env.emulator.admin.fill(45, 1);
    const ids: string[] = [];
    for await (const skill of env.sdk.beta.skills.list({ limit: 10 })) ids.push(skill.id);
    const expected = env.emulator.admin.store.list().map((skill) => skill.id);
    assert.deepEqual(ids, expected);
    assert.equal(new Set(ids).size, 45);

    const first = await env.sdk.beta.skills.list({ limit: 40 });
    assert.equal(first.data.length, 40);
    const last = await env.sdk.beta.skills.list({ limit: 40, page: first.next_page });
    assert.equal(last.data.length, 5);
    assert.equal(last.next_page, null);
    const hasMore = async (page: string | null): Promise<unknown> =>
      ((await (await env.sdk.beta.skills.list({ limit: 40, page }).asResponse()).json()) as { has_more: unknown }).has_more;
    assert.equal(await hasMore(null), true);
    assert.equal(await hasMore(first.next_page), false);
  });

  it('defaults to 20 skills per page', async () => {
    env.emulator.admin.fill(25, 1);
    assert.equal((await env.sdk.beta.skills.list()).data.length, 20);
  });

  it('pages through versions in both shapes', async () => {
    env.emulator.admin.fill(1, 7);
    const [skill] = env.emulator.admin.store.list();
    const id = skill?.id ?? '';
    const ga: string[] = [];
    for await (const version of env.sdk.beta.skills.versions.list(id, { limit: 3 })) ga.push(version.id);
    assert.equal(ga.length, 7);
    const labels: string[] = [];
    for await (const version of env.sdk.beta.skills.versions.list(id, { limit: 2, betas: BETA }))
      labels.push(String((version as unknown as { version: string }).version));
    assert.deepEqual(labels, [...labels].sort().reverse(), 'newest first');
    assert.equal(new Set(labels).size, 7);
  });

  it('filters by source', async () => {
    env.emulator.admin.store.replaceAll(seedSkills());
    const anthropic = (await env.sdk.beta.skills.list({ source: 'anthropic' })).data.map((s) => s.display_name).sort();
    assert.deepEqual(anthropic, ['Excel spreadsheets', 'PDF documents', 'PowerPoint presentations', 'Word documents']);
    const custom = (await env.sdk.beta.skills.list({ source: 'custom', betas: BETA })).data;
    assert.equal(custom.length, 3);
    assert.ok(custom.every((s) => (s as unknown as { source: string }).source === 'custom'));
  });

  it('answers 400 for limits out of range and for a made-up page token', async () => {
    env.emulator.admin.fill(1, 1);
    const [skill] = env.emulator.admin.store.list();
    const id = skill?.id ?? '';
    for (const limit of [0, 101, 2.5]) await assert.rejects(env.sdk.beta.skills.list({ limit }), BadRequestError);
    await assert.rejects(env.sdk.beta.skills.versions.list(id, { limit: 1001 }), BadRequestError);
    assert.equal((await env.sdk.beta.skills.versions.list(id, { limit: 1000 })).data.length, 1);
    await assert.rejects(env.sdk.beta.skills.list({ page: 'not-a-token' }), (error: unknown) => {
      assert.ok(error instanceof APIError);
      assert.equal(error.status, 400);
      assert.match(error.message, /next_page/);
      return true;
    });
  });
});
