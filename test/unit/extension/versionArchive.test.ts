import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionArchive } from '../../../src/extension/services/caches/versionArchive';

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
  assert.deepEqual(top.kind === 'folder' && top.children, ['my-skill/examples', 'my-skill/scripts', 'my-skill/a.md', 'my-skill/SKILL.md']);
  assert.equal(archive.get('my-skill/scripts/run.py')?.kind, 'file');
  assert.equal(archive.get('my-skill/missing'), undefined);
});

test('SKILL.md is the one closest to the root', () => {
  assert.equal(archive.skillMdPath(), 'my-skill/SKILL.md');
  assert.equal(new VersionArchive([{ path: 'x/readme.md', data: bytes('') }]).skillMdPath(), undefined);
});

test('files lists every file in path order', () => {
  assert.deepEqual(
    archive.files().map((file) => file.path),
    ['my-skill/a.md', 'my-skill/examples/nested/SKILL.md', 'my-skill/scripts/run.py', 'my-skill/SKILL.md'],
  );
});

test("refuses a file whose path is also another file's folder, instead of dropping one", () => {
  assert.throws(
    () =>
      new VersionArchive([
        { path: 's/a', data: bytes('file') },
        { path: 's/a/b', data: bytes('nested') },
      ]),
    /"s\/a" is a file, but "s\/a\/b" needs it to be a folder/,
  );
});

test('refuses an absurdly deep path with a clear error, quickly', () => {
  const deep = [...Array.from({ length: 32_000 }, () => 'd'), 'f.txt'].join('/');
  assert.throws(() => new VersionArchive([{ path: deep, data: bytes('') }]), /is 32,001 levels deep; at most 128 are allowed/);
});

test('builds 300 files at the greatest depth and lists each folder', () => {
  const folders = Array.from({ length: 127 }, (_, i) => `d${i}`).join('/');
  const deep = new VersionArchive(Array.from({ length: 300 }, (_, i) => ({ path: `${folders}/f${i}`, data: bytes(String(i)) })));
  const last = deep.get(folders);
  assert.equal(last?.kind === 'folder' && last.children.length, 300);
  assert.deepEqual(deep.get('d0'), { kind: 'folder', path: 'd0', children: ['d0/d1'] });
  assert.equal(deep.files().length, 300);
});
