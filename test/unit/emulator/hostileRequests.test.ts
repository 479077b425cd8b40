import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readZip } from '../../../src/core/zip/readZip';
import { exampleFiles } from '../../../src/emulator/seed';
import { emulatorForSuite, uploadables } from './support';

const JSON_TYPE = { 'content-type': 'application/json' };

describe('the emulator under hostile requests', () => {
  const env = emulatorForSuite({ seed: true });

  it('refuses a latency no timer can wait for, instead of answering at once', async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ latencyMs: 3e9 }),
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /latencyMs must be at most 600,000/);
    assert.throws(() => env.emulator.admin.injectFault({ latencyMs: 2 ** 31 }), /latencyMs must be at most/);
    assert.equal((await env.sdk.beta.skills.list()).data.length, 7, 'no fault was added');
  });

  it('keeps a file name as sent: percent%22.txt comes back as percent%22.txt', async () => {
    const files = exampleFiles('percent-names', 'Has odd file names. Use when testing.', {
      'percent%22.txt': 'a',
      'line%0A.txt': 'b',
      'plain%25.txt': 'c',
    });
    const skill = await env.sdk.beta.skills.create({ files: await uploadables(files) });
    const download = await env.sdk.beta.skills.versions.download(skill.latest_version_id ?? '', { skill_id: skill.id });
    const names = readZip(new Uint8Array(await download.arrayBuffer()))
      .map((file) => file.path)
      .sort();
    assert.deepEqual(names, files.map((file) => file.path).sort());
  });

  it('answers 413 for an admin body over its limit', async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: `${' '.repeat(2 * 1024 * 1024)}{"status":500}`,
    });
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { error: { type: string } }).error.type, 'request_too_large');
  });

  it('answers 400 for a Messages body nested 100,000 levels deep', async () => {
    const depth = 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = `{"model":"claude-sonnet-5-5","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"hi","extra":${nested}}]}]}`;
    const response = await fetch(`${env.emulator.url}/v1/messages`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-api-key': 'test-key-not-real', 'anthropic-version': '2023-06-01' },
      body,
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /nests more than 1,000 levels/);
  });
});
