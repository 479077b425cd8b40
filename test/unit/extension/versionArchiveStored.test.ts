import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { SkillsClient } from '../../../src/core/api/types';
import { VersionArchiveCache } from '../../../src/extension/services/caches/versionArchiveCache';

test('the upload cache answers before the service; only what it lacks is downloaded', async () => {
  const zip = new JSZip();
  zip.file('s/SKILL.md', '---\nname: s\n---\n');
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  const downloads: string[] = [];
  const client = {
    downloadVersion(skillId: string, ref: string): Promise<Uint8Array> {
      downloads.push(`${skillId}/${ref}`);
      return Promise.resolve(bytes);
    },
  } as Partial<SkillsClient> as SkillsClient;
  const stored = { get: (_skillId: string, ref: string) => Promise.resolve(ref === 'kept' ? bytes : undefined) };
  const cache = new VersionArchiveCache(() => Promise.resolve(client), stored);
  assert.equal((await cache.get('skill', 'kept')).skillMdPath(), 's/SKILL.md');
  assert.deepEqual(downloads, [], 'a version kept from an upload is not downloaded');
  await cache.get('skill', 'other');
  assert.deepEqual(downloads, ['skill/other']);
});
