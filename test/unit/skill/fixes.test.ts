import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../src/core/skill/applyEdits';
import { fixAll } from '../../../src/core/skill/fixAll';
import type { Fix, RuleId } from '../../../src/core/skill/types';
import { lint, only, skillMd, VALID } from './helpers';

/** Applies `fix` and asserts the diagnostic it was offered for is gone. */
function assertFixClears(text: string, rule: RuleId, fix: Fix, folderName?: string): string {
  const fixed = applyEdits(text, fix.edits);
  const folder = fix.renameFolderTo ?? folderName;
  assert.deepEqual(only(lint(fixed, { folderName: folder }), rule), [], `${fix.title} left ${rule} in:\n${fixed}`);
  return fixed;
}

function fixesOf(text: string, rule: RuleId, folderName?: string): readonly Fix[] {
  const [d] = only(lint(text, { folderName }), rule);
  assert.ok(d, `expected ${rule}`);
  return d.fixes;
}

describe('fixes', () => {
  it('moves an unknown key under a new metadata mapping, as a string', () => {
    const text = skillMd(...VALID, 'when_to_use: When asked', 'version: 1.0');
    const [fix] = fixesOf(text, 'unknown-key');
    assert.equal(fix.isPreferred, true);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, skillMd(...VALID, 'version: 1.0', 'metadata:', '  when_to_use: "When asked"'));
    assert.equal(only(lint(fixed), 'unknown-key').length, 1);
  });

  it('merges into an existing metadata mapping, keeping its indentation', () => {
    const text = skillMd(...VALID, 'metadata:', '    author: me', 'version: 1.0', 'tags: [a, b]');
    const fixed = fixAll(text, { profile: 'claude-api' });
    assert.equal(fixed, skillMd(...VALID, 'metadata:', '    author: me', '    version: "1.0"', '    tags: "[\\"a\\",\\"b\\"]"'));
    assert.deepEqual(lint(fixed), []);
  });

  it('fills an empty metadata key', () => {
    const text = skillMd(...VALID, 'metadata:', 'author: me');
    const fixed = assertFixClears(text, 'unknown-key', fixesOf(text, 'unknown-key')[0]);
    assert.equal(fixed, skillMd(...VALID, 'metadata:', '  author: "me"'));
  });

  it('keeps CRLF line breaks when moving a key', () => {
    const text = skillMd(...VALID, 'author: me').replace(/\n/g, '\r\n');
    const fixed = assertFixClears(text, 'unknown-key', fixesOf(text, 'unknown-key')[0]);
    assert.equal(fixed, skillMd(...VALID, 'metadata:', '  author: "me"').replace(/\n/g, '\r\n'));
  });

  it('replaces an invalid name with its kebab-case slug', () => {
    const text = skillMd('name: PDF Tools', VALID[1]);
    const fixed = assertFixClears(text, 'name-format', fixesOf(text, 'name-format')[0]);
    assert.equal(fixed, skillMd('name: pdf-tools', VALID[1]));
  });

  it('shortens a long name to a valid slug', () => {
    const text = skillMd(`name: ${'ab-'.repeat(30)}x`, VALID[1]);
    assertFixClears(text, 'name-too-long', fixesOf(text, 'name-too-long')[0]);
  });

  it('quotes a slug YAML would read as something else', () => {
    const text = skillMd('name: "2024 01 01"', VALID[1]);
    const fixed = assertFixClears(text, 'name-format', fixesOf(text, 'name-format')[0]);
    assert.equal(fixed, skillMd('name: "2024-01-01"', VALID[1]));
  });

  it('makes the name match the folder, or renames the folder', () => {
    const text = skillMd(...VALID);
    const [edit, rename] = fixesOf(text, 'name-dir-mismatch', 'pdf-kit');
    assert.equal(edit.isPreferred, true);
    assert.equal(assertFixClears(text, 'name-dir-mismatch', edit, 'pdf-kit'), skillMd('name: pdf-kit', VALID[1]));
    assert.equal(rename.renameFolderTo, 'pdf-tools');
    assert.deepEqual(rename.edits, []);
    assertFixClears(text, 'name-dir-mismatch', rename, 'pdf-kit');
  });

  it('only offers the rename when the folder name is not a valid name', () => {
    const fixes = fixesOf(skillMd(...VALID), 'name-dir-mismatch', 'My Folder');
    assert.deepEqual(
      fixes.map((f) => [f.renameFolderTo, f.isPreferred]),
      [['pdf-tools', true]],
    );
  });

  it('strips XML tags from the description', () => {
    const text = skillMd(VALID[0], 'description: Use <b>this</b> for <example>PDFs</example>.');
    const fixed = assertFixClears(text, 'description-xml', fixesOf(text, 'description-xml')[0]);
    assert.equal(fixed, skillMd(VALID[0], 'description: Use this for PDFs.'));
  });

  it('quotes a value with an unquoted colon, or makes it a >- block', () => {
    const text = skillMd(VALID[0], 'description: Use when: the user', '  asks "nicely"');
    const [quote, block] = fixesOf(text, 'yaml-syntax');
    assert.equal(assertFixClears(text, 'yaml-syntax', quote), skillMd(VALID[0], 'description: "Use when: the user asks \\"nicely\\""'));
    assert.equal(
      assertFixClears(text, 'yaml-syntax', block),
      skillMd(VALID[0], 'description: >-', '  Use when: the user', '  asks "nicely"'),
    );
    assert.deepEqual(lint(applyEdits(text, block.edits)), []);
  });

  it('fix-all applies every preferred fix and stops', () => {
    const text = skillMd('name: PDF Tools', 'description: Use when: x <b>bold</b>', 'when_to_use: y', 'author: me');
    const fixed = fixAll(text, { profile: 'claude-api', folderName: 'pdf-tools' });
    assert.deepEqual(lint(fixed, { folderName: 'pdf-tools' }), []);
    assert.equal(fixAll(fixed, { profile: 'claude-api', folderName: 'pdf-tools' }), fixed);
  });
});

describe('applyEdits', () => {
  it('applies insertions at the same place in order, skips overlaps and keeps a BOM', () => {
    const at = (line: number, character: number) => ({ line, character });
    const text = '\ufeffab\ncd';
    const edits = [
      { range: { start: at(1, 0), end: at(1, 0) }, newText: '1' },
      { range: { start: at(1, 0), end: at(1, 0) }, newText: '2' },
      { range: { start: at(0, 0), end: at(0, 2) }, newText: 'X' },
      { range: { start: at(0, 1), end: at(1, 1) }, newText: 'overlap' },
    ];
    assert.equal(applyEdits(text, edits), '\ufeffX\n12cd');
  });
});

describe('metadata value fix', () => {
  it('quotes a metadata value exactly as written', () => {
    const text = skillMd(...VALID, 'metadata:', '  version: 1.10', '  beta: yes');
    const fixed = fixAll(text, { profile: 'claude-api' });
    assert.equal(fixed, skillMd(...VALID, 'metadata:', '  version: "1.10"', '  beta: "yes"'));
    assert.deepEqual(lint(fixed), []);
  });
});
