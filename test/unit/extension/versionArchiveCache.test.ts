import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { SkillsClient } from '../../../src/core/api/types';
import { VersionArchiveCache } from '../../../src/extension/services/caches/versionArchiveCache';

/** A client whose only working call is `downloadVersion`; it counts downloads and can fail the next one. */
async function fakeClient(): Promise<{ client: SkillsClient; downloads: string[]; failNext: () => void }> {
  const zip = new JSZip();
  zip.file('s/SKILL.md', '---\nname: s\n---\n');
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  const downloads: string[] = [];
  let fail = false;
  const client = {
    downloadVersion(skillId: string, ref: string): Promise<Uint8Array> {
      downloads.push(`${skillId}/${ref}`);
      if (fail) {
        fail = false;
        return Promise.reject(new Error('The Claude API could not be reached.'));
      }
      return Promise.resolve(bytes);
    },
  } as Partial<SkillsClient> as SkillsClient;
  return { client, downloads, failNext: () => (fail = true) };
}

test('downloads a version once and keeps the four most recently used', async () => {
  const { client, downloads } = await fakeClient();
  const cache = new VersionArchiveCache(() => Promise.resolve(client));
  for (const ref of ['1', '2', '3', '4']) await cache.get('skill', ref);
  await cache.get('skill', '1'); // now the most recently used
  await cache.get('skill', '5'); // evicts 2, the least recently used
  await cache.get('skill', '1');
  await cache.get('skill', '2');
  assert.deepEqual(downloads, ['skill/1', 'skill/2', 'skill/3', 'skill/4', 'skill/5', 'skill/2']);
  assert.equal((await cache.get('skill', '1')).skillMdPath(), 's/SKILL.md');
});

test('a failed download is not cached, and forget drops a version', async () => {
  const { client, downloads, failNext } = await fakeClient();
  const cache = new VersionArchiveCache(() => Promise.resolve(client));
  failNext();
  await assert.rejects(cache.get('skill', '1'), /could not be reached/);
  await cache.get('skill', '1');
  cache.forget('skill', '1');
  await cache.get('skill', '1');
  assert.equal(downloads.length, 3);
});
