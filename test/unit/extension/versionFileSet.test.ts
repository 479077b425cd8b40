import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionArchive } from '../../../src/extension/services/caches/versionArchive';
import { fileSetOfArchive } from '../../../src/extension/services/caches/versionFileSet';

const bytes = (text: string) => new TextEncoder().encode(text);

test('a version compares path for path with a local folder: its top-level folder becomes the folder name', () => {
  const archive = new VersionArchive([
    { path: 'my-skill/scripts/run.py', data: bytes('print()') },
    { path: 'my-skill/SKILL.md', data: bytes('---\nname: my-skill\n---\n') },
  ]);
  const set = fileSetOfArchive(archive);
  assert.equal(set.folderName, 'my-skill');
  assert.deepEqual(
    set.files.map((file) => file.path),
    ['SKILL.md', 'scripts/run.py'],
  );
});

test('a version without a top-level folder keeps its paths as they are', () => {
  const set = fileSetOfArchive(new VersionArchive([{ path: 'SKILL.md', data: bytes('x') }]));
  assert.equal(set.folderName, '');
  assert.deepEqual(
    set.files.map((file) => file.path),
    ['SKILL.md'],
  );
});
