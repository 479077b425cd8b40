import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSkillMd } from '../../../src/core/skill/parse';

const at = (line: number, start: number, end = start) => ({ start: { line, character: start }, end: { line, character: end } });

describe('parseSkillMd', () => {
  it('finds the delimiters, the body and each entry with exact key and value ranges', () => {
    const parsed = parseSkillMd('---\nname: pdf-tools\ndescription: "Quoted"\nempty:\n---\n# Body\n');
    assert.deepEqual(parsed.frontmatter, { open: 0, close: 4 });
    assert.equal(parsed.bodyStartLine, 5);
    assert.deepEqual(
      parsed.entries.map((e) => [e.key, e.keyRange, e.valueRange, e.value]),
      [
        ['name', at(1, 0, 4), at(1, 6, 15), 'pdf-tools'],
        ['description', at(2, 0, 11), at(2, 13, 21), 'Quoted'],
        ['empty', at(3, 0, 5), at(3, 6), null],
      ],
    );
  });

  it('takes `---` with trailing spaces or tabs as a delimiter, and nothing longer or with other text', () => {
    assert.deepEqual(parseSkillMd('--- \t\nname: x\n---\t \r\nBody\n').frontmatter, { open: 0, close: 2 });
    assert.deepEqual(parseSkillMd('---\nname: x\n----\n---x\n -- \n--\n---\nBody\n').frontmatter, { open: 0, close: 6 });
    for (const first of ['----', '---x', ' ---', '--', ''])
      assert.equal(parseSkillMd(`${first}\nname: x\n---\n`).frontmatter, undefined, first);
  });

  it('gives ranges of block values and nested mappings through the yaml package', () => {
    const parsed = parseSkillMd('---\ndescription: >-\n  Folded\n  text\nmetadata: {a: 1}\n---\n');
    assert.equal(parsed.usedFastPath, false);
    const [description, metadata] = parsed.entries;
    assert.equal(description.value, 'Folded text');
    assert.deepEqual(description.valueRange, { start: { line: 1, character: 13 }, end: { line: 3, character: 6 } });
    assert.deepEqual(
      metadata.children?.map((c) => [c.key, c.valueRange, c.value]),
      [['a', at(4, 14, 15), 1]],
    );
  });

  it('counts positions after a BOM as an editor does, and handles CRLF', () => {
    const parsed = parseSkillMd('\ufeff---\r\nname: x\r\n---\r\nBody\r\n');
    assert.equal(parsed.text.startsWith('---'), true);
    assert.deepEqual(parsed.entries[0].valueRange, at(1, 6, 7));
    assert.equal(parsed.bodyStartLine, 3);
  });

  it('reports a missing or unclosed frontmatter through undefined delimiters', () => {
    assert.equal(parseSkillMd('# Title\n').frontmatter, undefined);
    assert.deepEqual(parseSkillMd('---\nname: x\n').frontmatter, { open: 0, close: undefined });
  });

  it('keeps duplicate keys in source order', () => {
    assert.deepEqual(
      parseSkillMd('---\nname: a\nname: b\n---\n').entries.map((e) => e.value),
      ['a', 'b'],
    );
  });
});
