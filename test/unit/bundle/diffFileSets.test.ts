import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffFileSets, isBinary, isIdentical } from '../../../src/core/bundle/diffFileSets';
import { hashFileSet } from '../../../src/core/bundle/hashFileSet';
import { formatUnifiedDiff } from '../../../src/core/bundle/unifiedDiff';
import { fileSetOf } from './support';

const before = fileSetOf('remote-name', {
  'SKILL.md': 'line 1\nline 2\nline 3\n',
  'gone.md': 'bye\n',
  'logo.png': Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 1, 2),
  'same.txt': 'same\n',
  'empty-gone.txt': '',
});
const after = fileSetOf('local-name', {
  'SKILL.md': 'line 1\nline two\nline 3\n',
  'new.md': 'hello\n',
  'logo.png': Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 9, 9),
  'same.txt': 'same\n',
});

describe('diffFileSets', () => {
  it('lists added, removed and changed paths, telling binary from text, ignoring the folder names', () => {
    const diff = diffFileSets(before, after);
    assert.deepEqual(
      diff.added.map((f) => f.path),
      ['new.md'],
    );
    assert.deepEqual(
      diff.removed.map((f) => f.path),
      ['empty-gone.txt', 'gone.md'],
    );
    assert.deepEqual(
      diff.changed.map((f) => [f.path, f.binary]),
      [
        ['SKILL.md', false],
        ['logo.png', true],
      ],
    );
    assert.equal(diff.unchanged, 1);
    assert.equal(isIdentical(diff), false);
    assert.equal(isIdentical(diffFileSets(before, { ...before, folderName: 'renamed' })), true);
  });

  it('prints a unified diff for text and one line per binary file', () => {
    assert.equal(
      formatUnifiedDiff(diffFileSets(before, after)),
      [
        '--- a/SKILL.md',
        '+++ b/SKILL.md',
        '@@ -1,3 +1,3 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        'Empty file a/empty-gone.txt removed',
        '--- a/gone.md',
        '+++ /dev/null',
        '@@ -1,1 +0,0 @@',
        '-bye',
        'Binary files a/logo.png and b/logo.png differ',
        '--- /dev/null',
        '+++ b/new.md',
        '@@ -0,0 +1,1 @@',
        '+hello',
        '',
      ].join('\n'),
    );
  });
});

describe('formatUnifiedDiff of a rewritten file', () => {
  it('shows one hunk replacing every line instead of searching for the shortest diff', () => {
    const lines = (seed: string): string => Array.from({ length: 1500 }, (_, i) => `${seed} ${i}`).join('\n');
    const text = formatUnifiedDiff(diffFileSets(fileSetOf('x', { 'a.md': lines('old') + '\n' }), fileSetOf('x', { 'a.md': lines('new') })));
    const out = text.split('\n');
    assert.deepEqual(out.slice(0, 4), ['--- a/a.md', '+++ b/a.md', '@@ -1,1500 +1,1500 @@', '-old 0']);
    assert.equal(out.filter((line) => line.startsWith('-')).length, 1501);
    assert.equal(out.filter((line) => line.startsWith('+')).length, 1501);
    assert.deepEqual(out.slice(-3), ['+new 1499', '\\ No newline at end of file', '']);
  });
});

describe('isBinary', () => {
  it('calls text what decodes as UTF-8 without NUL bytes', () => {
    assert.equal(isBinary(new TextEncoder().encode('plain ✓ text\n')), false);
    assert.equal(isBinary(new Uint8Array()), false);
    assert.equal(isBinary(Uint8Array.of(0x61, 0, 0x62)), true);
    assert.equal(isBinary(Uint8Array.of(0xff, 0xfe, 0x41)), true);
  });
});

describe('hashFileSet', () => {
  it('changes with any path or byte, not with the order or the folder name', () => {
    const hash = hashFileSet(before);
    assert.match(hash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(hashFileSet({ folderName: 'other', files: [...before.files].reverse() }), hash);
    assert.notEqual(hashFileSet(after), hash);
    const renamed = { ...before, files: before.files.map((f) => (f.path === 'gone.md' ? { ...f, path: 'gone2.md' } : f)) };
    assert.notEqual(hashFileSet(renamed), hash);
    // Moving bytes between a path and its content must not collide.
    assert.notEqual(hashFileSet(fileSetOf('x', { ab: 'c' })), hashFileSet(fileSetOf('x', { a: 'bc' })));
  });
});
