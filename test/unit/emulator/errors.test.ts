import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ContentTooLargeError,
  NotFoundError,
  PermissionDeniedError,
} from '@anthropic-ai/sdk';
import { seedSkills } from '../../../src/emulator/seed';
import type { UploadedFile } from '../../../src/emulator/upload';
import { emulatorForSuite, sdkFor, skillFolder, TEST_KEY, uploadables } from './support';

/** Asserts that `promise` fails with `status` and a message matching `message`. */
async function rejectsWith(promise: Promise<unknown>, status: number, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof APIError, String(error));
    assert.equal(error.status, status);
    assert.match(error.apiMessage ?? '', message);
    assert.match(error.requestID ?? '', /^req_/);
    return true;
  });
}

describe('emulator errors', () => {
  const env = emulatorForSuite({ apiKey: TEST_KEY });
  const create = async (files: UploadedFile[], displayName?: string): Promise<unknown> =>
    env.sdk.beta.skills.create({ files: await uploadables(files), display_name: displayName });

  it('answers 401 in the service format without a key, and for a wrong key', async () => {
    const response = await fetch(`${env.emulator.url}/v1/skills`, { headers: { 'anthropic-version': '2023-06-01' } });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const requestId = response.headers.get('request-id');
    assert.deepEqual(await response.json(), {
      type: 'error',
      error: { type: 'authentication_error', message: 'x-api-key header is required.' },
      request_id: requestId,
    });
    await assert.rejects(sdkFor(env.emulator.url, { apiKey: 'wrong-key' }).beta.skills.list(), AuthenticationError);
  });

  it('accepts the key as x-api-key or as a bearer token, and requires anthropic-version', async () => {
    const viaHeader = await fetch(`${env.emulator.url}/v1/skills`, {
      headers: { 'x-api-key': TEST_KEY, 'anthropic-version': '2023-06-01' },
    });
    assert.equal(viaHeader.status, 200);
    const viaBearer = await fetch(`${env.emulator.url}/v1/skills`, {
      headers: { authorization: `Bearer ${TEST_KEY}`, 'anthropic-version': '2023-06-01' },
    });
    assert.equal(viaBearer.status, 200);
    const noVersion = await fetch(`${env.emulator.url}/v1/skills`, { headers: { 'x-api-key': TEST_KEY } });
    assert.equal(noVersion.status, 400);
    assert.equal(((await noVersion.json()) as { error: { type: string } }).error.type, 'invalid_request_error');
  });

  it('answers 404 for unknown skills, versions and routes', async () => {
    await rejectsWith(env.sdk.beta.skills.retrieve('skill_01unknown'), 404, /not found/);
    const skill = (await create(skillFolder('found-skill'))) as { id: string };
    await rejectsWith(env.sdk.beta.skills.versions.retrieve('skver_01nope', { skill_id: skill.id }), 404, /not found/);
    await rejectsWith(env.sdk.beta.skills.versions.download('123', { skill_id: skill.id }), 404, /not found/);
    await assert.rejects(env.sdk.get('/v1/skills/x/versions/y/content/more'), NotFoundError);
    await assert.rejects(env.sdk.get('/v1/skills/%E0%A4%A'), BadRequestError);
  });

  it('refuses to delete a skill that still has versions (400), then deletes it once they are gone', async () => {
    const skill = (await create(skillFolder('kept-skill'))) as { id: string; latest_version_id: string };
    await rejectsWith(env.sdk.beta.skills.delete(skill.id), 400, /delete its versions/);
    await env.sdk.beta.skills.versions.delete(skill.latest_version_id, { skill_id: skill.id });
    await env.sdk.beta.skills.delete(skill.id);
    await assert.rejects(env.sdk.beta.skills.retrieve(skill.id), NotFoundError);
  });

  it('refuses file paths the service does not take, and a body without files', async () => {
    const cases: Array<[UploadedFile[], RegExp]> = [
      [[{ path: 'SKILL.md', data: new Uint8Array(1) }], /one top-level directory/],
      [[{ path: 'my-skill/../SKILL.md', data: new Uint8Array(1) }], /Invalid file path/],
    ];
    for (const [files, message] of cases) await rejectsWith(create(files), 400, message);
    await assert.rejects(env.sdk.post('/v1/skills', { body: { display_name: 'no files' } }), BadRequestError);
  });

  it('answers 413 when the files add up to more than 30 MB', async () => {
    const big = { path: 'huge-skill/data.bin', data: new Uint8Array(30 * 1024 * 1024) };
    await assert.rejects(create([...skillFolder('huge-skill'), big]), ContentTooLargeError);
    const huger = { path: 'huge-skill/more.bin', data: new Uint8Array(2 * 1024 * 1024) };
    await assert.rejects(
      create([...skillFolder('huge-skill'), big, huger]),
      ContentTooLargeError,
      'a body past the limit is drained, then refused',
    );
  });

  it('keeps Anthropic skills read-only (403)', async () => {
    env.emulator.admin.store.replaceAll(seedSkills());
    const [pdf] = env.emulator.admin.store.list('anthropic');
    const id = pdf?.id ?? '';
    await assert.rejects(env.sdk.beta.skills.delete(id), PermissionDeniedError);
    await assert.rejects(env.sdk.beta.skills.versions.delete('latest', { skill_id: id }), PermissionDeniedError);
    await assert.rejects(env.sdk.beta.skills.versions.create(id, { files: await uploadables(skillFolder('pdf')) }), PermissionDeniedError);
    assert.ok((await env.sdk.beta.skills.versions.download('latest', { skill_id: id })).ok, 'but they can be downloaded');
  });
});
