import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '@anthropic-ai/sdk';
import { PathGlob } from '../../../src/emulator/pathGlob';
import { emulatorForSuite } from './support';

describe('fault path globs', () => {
  const env = emulatorForSuite();

  it('match * within one segment and ** across segments, everything else literally', () => {
    const cases: Array<[string, string, boolean]> = [
      ['/v1/skills', '/v1/skills', true],
      ['/v1/skills', '/v1/skills/x', false],
      ['/v1/skills/*/versions', '/v1/skills/skill_1/versions', true],
      ['/v1/skills/*/versions', '/v1/skills//versions', true],
      ['/v1/skills/*/versions', '/v1/skills/a/b/versions', false],
      ['/v1/skills/**', '/v1/skills/a/b/versions/c/content', true],
      ['/v1/**/content', '/v1/skills/a/versions/1/content', true],
      ['/v1/**/content', '/v1/skills/a/versions/1/contents', false],
      ['**', '', true],
      ['*', '/', false],
      ['/v1/skills.(x)+', '/v1/skills.(x)+', true],
      ['/v1/skills.(x)+', '/v1/skillsX(x)', false],
      ['/a***b', '/a/x/b', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(new PathGlob(glob).test(path), expected, `${glob} ~ ${path}`);
  });

  it('do not hang the emulator on a glob that would backtrack as a regular expression', { timeout: 30_000 }, async () => {
    const rule = { path: '/**a**a**a**a**a**a**a**b', status: 500 };
    const added = await fetch(`${env.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
    assert.equal(added.status, 200);
    await assert.rejects(
      env.sdk.skills.retrieve(`skill_${'a'.repeat(5000)}`),
      NotFoundError,
      'the path does not match, so the request is answered normally',
    );
    await assert.rejects(env.sdk.skills.retrieve(`skill_${'a'.repeat(20)}b`), /500/, 'a matching path gets the fault');
  });

  it('refuse a fault path glob over 1024 characters', async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: `/${'*'.repeat(1024)}`, status: 500 }),
    });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /at most 1024 characters/);
  });
});
