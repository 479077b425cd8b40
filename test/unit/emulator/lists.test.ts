import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APIError, BadRequestError } from '@anthropic-ai/sdk';
import type Anthropic from '@anthropic-ai/sdk';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { seedSkills } from '../../../src/emulator/seed';
import { BETA, sdkFor } from './support';

describe('emulator lists and pagination through the real SDK', () => {
  let emulator: RunningEmulator;
  let sdk: Anthropic;
  before(async () => {
    emulator = await startEmulator();
    sdk = sdkFor(emulator.url);
  });
  after(() => emulator.close());

  it('pages to the end with for await: every skill once, newest first, next_page null on the last page', async () => {
    emulator.admin.fill(45, 1);
    const ids: string[] = [];
    for await (const skill of sdk.beta.skills.list({ limit: 10 })) ids.push(skill.id);
    const expected = emulator.admin.store.list().map((skill) => skill.id);
    assert.deepEqual(ids, expected);
    assert.equal(new Set(ids).size, 45);

    const first = await sdk.beta.skills.list({ limit: 40 });
    assert.equal(first.data.length, 40);
    const last = await sdk.beta.skills.list({ limit: 40, page: first.next_page });
    assert.equal(last.data.length, 5);
    assert.equal(last.next_page, null);
    const hasMore = async (page: string | null): Promise<unknown> =>
      ((await (await sdk.beta.skills.list({ limit: 40, page }).asResponse()).json()) as { has_more: unknown }).has_more;
    assert.equal(await hasMore(null), true);
    assert.equal(await hasMore(first.next_page), false);
  });

  it('defaults to 20 skills per page', async () => {
    emulator.admin.fill(25, 1);
    assert.equal((await sdk.beta.skills.list()).data.length, 20);
  });

  it('pages through versions in both shapes', async () => {
    emulator.admin.fill(1, 7);
    const [skill] = emulator.admin.store.list();
    const id = skill?.id ?? '';
    const ga: string[] = [];
    for await (const version of sdk.beta.skills.versions.list(id, { limit: 3 })) ga.push(version.id);
    assert.equal(ga.length, 7);
    const labels: string[] = [];
    for await (const version of sdk.beta.skills.versions.list(id, { limit: 2, betas: BETA })) labels.push(String((version as unknown as { version: string }).version));
    assert.deepEqual(labels, [...labels].sort().reverse(), 'newest first');
    assert.equal(new Set(labels).size, 7);
  });

  it('filters by source', async () => {
    emulator.admin.store.replaceAll(seedSkills());
    const anthropic = (await sdk.beta.skills.list({ source: 'anthropic' })).data.map((s) => s.display_name).sort();
    assert.deepEqual(anthropic, ['Excel spreadsheets', 'PDF documents', 'PowerPoint presentations', 'Word documents']);
    const custom = (await sdk.beta.skills.list({ source: 'custom', betas: BETA })).data;
    assert.equal(custom.length, 3);
    assert.ok(custom.every((s) => (s as unknown as { source: string }).source === 'custom'));
  });

  it('answers 400 for limits out of range and for a made-up page token', async () => {
    emulator.admin.fill(1, 1);
    const [skill] = emulator.admin.store.list();
    const id = skill?.id ?? '';
    for (const limit of [0, 101, 2.5]) await assert.rejects(sdk.beta.skills.list({ limit }), BadRequestError);
    await assert.rejects(sdk.beta.skills.versions.list(id, { limit: 1001 }), BadRequestError);
    assert.equal((await sdk.beta.skills.versions.list(id, { limit: 1000 })).data.length, 1);
    await assert.rejects(sdk.beta.skills.list({ page: 'not-a-token' }), (error: unknown) => {
      assert.ok(error instanceof APIError);
      assert.equal(error.status, 400);
      assert.match(error.message, /next_page/);
      return true;
    });
  });
});
