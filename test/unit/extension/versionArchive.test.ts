import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionArchive } from '../../../src/extension/remote/versionArchive';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const archive = new VersionArchive([
  { path: 'my-skill/SKILL.md', data: bytes('---\nname: my-skill\n---\n') },
  { path: 'my-skill/scripts/run.py', data: bytes('print(1)\n') },
  { path: 'my-skill/a.md', data: bytes('a') },
  { path: 'my-skill/examples/nested/SKILL.md', data: bytes('nested') },
]);

test('folders follow from paths; folders come first, then names in order', () => {
  assert.deepEqual(archive.get(''), { kind: 'folder', path: '', children: ['my-skill'] });
  const top = archive.get('my-skill');
  assert.equal(top?.kind, 'folder');
  assert.deepEqual(top.kind === 'folder' && top.children, [
    'my-skill/examples',
    'my-skill/scripts',
    'my-skill/a.md',
    'my-skill/SKILL.md',
  ]);
  assert.equal(archive.get('my-skill/scripts/run.py')?.kind, 'file');
  assert.equal(archive.get('my-skill/missing'), undefined);
});

test('SKILL.md is the one closest to the root', () => {
  assert.equal(archive.skillMdPath(), 'my-skill/SKILL.md');
  assert.equal(new VersionArchive([{ path: 'x/readme.md', data: bytes('') }]).skillMdPath(), undefined);
});

test('files lists every file in path order', () => {
  assert.deepEqual(archive.files().map((file) => file.path), [
    'my-skill/a.md',
    'my-skill/examples/nested/SKILL.md',
    'my-skill/scripts/run.py',
    'my-skill/SKILL.md',
  ]);
});
