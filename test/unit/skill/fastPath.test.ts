import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSkillMd } from '../../../src/core/skill/parse';
import { readersAgreeOn } from './frontmatterFuzz';

describe('the fast frontmatter reader', () => {
  it('handles the common shape without the yaml package', () => {
    const text = [
      '---',
      'name: pdf-tools',
      'description: >-',
      '  Extracts tables.',
      '  Use for PDFs.',
      '# a comment line',
      "license: 'MIT'",
      'compatibility: "Needs \\"git\\" and a \\\\ path"',
      'when_to_use: |-',
      '  First paragraph.',
      '',
      '  Second paragraph.',
      'allowed-tools:',
      '  - Read',
      '  - "Bash(git:*)"',
      'metadata:',
      '  author: me',
      '---',
      'Body',
    ].join('\n');
    const parsed = parseSkillMd(text);
    assert.equal(parsed.usedFastPath, true);
    assert.deepEqual(
      parsed.entries.map((e) => e.value),
      [
        'pdf-tools',
        'Extracts tables. Use for PDFs.',
        'MIT',
        'Needs "git" and a \\ path',
        'First paragraph.\n\nSecond paragraph.',
        ['Read', 'Bash(git:*)'],
        { author: 'me' },
      ],
    );
  });

  it('reads one-line flow lists, version numbers, YAML 1.1 booleans and integers itself', () => {
    const parsed = parseSkillMd(
      '---\nallowed-tools: [Read, "Bash(git:*)", \'Grep\']\nversion: 2.0.1-beta\nuser-invocable: yes\nmetadata:\n  version: 2\n  beta: Off\n---\n',
    );
    assert.equal(parsed.usedFastPath, true);
    assert.deepEqual(
      parsed.entries.map((e) => e.value),
      [['Read', 'Bash(git:*)', 'Grep'], '2.0.1-beta', true, { version: 2, beta: false }],
    );
  });

  it('reads a plain value followed by a comment itself, the comment left out of the value and its range', () => {
    const parsed = parseSkillMd(
      '---\nname: pdf-tools # the id\ndescription: Reads C# files.   # Use when asked\nmetadata:\n  author: me # really\n---\n',
    );
    assert.equal(parsed.usedFastPath, true);
    assert.deepEqual(
      parsed.entries.map((e) => e.value),
      ['pdf-tools', 'Reads C# files.', { author: 'me' }],
    );
    assert.deepEqual(parsed.entries[1]?.valueRange, { start: { line: 2, character: 13 }, end: { line: 2, character: 28 } });
    assert.deepEqual(
      parsed.entries[2]?.valueRange,
      { start: { line: 4, character: 2 }, end: { line: 4, character: 21 } },
      'a mapping ends after the comment of its last value',
    );
    assert.deepEqual(parseSkillMd(parsed.text, 'yaml').entries, parsed.entries);
  });

  it('reads a mapping nested one level under a top-level key itself, with its children and ranges', () => {
    const parsed = parseSkillMd(
      '---\nname: pdf-tools\nmetadata:\n  author: me\n  nested:\n    deep: yes\n    tag: x # t\n  after: 2\n---\n',
    );
    assert.equal(parsed.usedFastPath, true);
    assert.deepEqual(parsed.entries[1]?.value, { author: 'me', nested: { deep: true, tag: 'x' }, after: 2 });
    assert.deepEqual(
      parsed.entries[1]?.children?.[1]?.children?.map((child) => child.key),
      ['deep', 'tag'],
    );
    assert.deepEqual(parseSkillMd(parsed.text, 'yaml').entries, parsed.entries);
    for (const deeper of ['metadata:\n  a:\n    b:\n      c: d', 'metadata:\n  a:\n  b: c', 'metadata:\n  a:\n    - b']) {
      assert.equal(parseSkillMd(`---\n${deeper}\n---\n`).usedFastPath, false, deeper);
    }
  });

  it('reports a quote never closed, or text right after the closing quote, itself, as the yaml package does', () => {
    for (const frontmatter of [
      "name: a\ndescription: 'Queries the warehouse.\nallowed-tools: Read, Glob\n\n",
      "description: 'Writes the team's house style.\nname: a\n",
      'description: "open\nname: a\n',
    ]) {
      const text = `---\n${frontmatter}---\nBody\n`;
      const fast = parseSkillMd(text);
      assert.equal(fast.usedFastPath, true, frontmatter);
      assert.equal(fast.problems.length, 1, frontmatter);
      assert.deepEqual(fast.problems, parseSkillMd(text, 'yaml').problems, frontmatter);
    }
    for (const odd of ["description: 'open\nname: it's\n", 'description: "a\\"b\n', "description: 'a' b\n", "description: 'a'b c: d\n"]) {
      assert.equal(parseSkillMd(`---\n${odd}\n---\n`).usedFastPath, false, odd);
    }
  });

  it('reads one-line key: value entries the way the yaml package does, tricky ones included', () => {
    const read = [
      'name: pdf-tools',
      'description: Use it, then (maybe) more; 100% sure/ok',
      'name: yes',
      'name: No',
      'name: a: b',
      'name: a:b',
      'name: a #b',
      'name: a#b',
      'name: 1.0.0',
      'name: <b>',
      'name: $x',
      'name:  two spaces',
      'name: [a]',
    ];
    for (const line of read) {
      const text = `---\n${line}\ndescription: d\n---\nBody.\n`;
      const fast = parseSkillMd(text, 'auto');
      assert.equal(fast.usedFastPath, true, line);
      assert.deepEqual(readersAgreeOn(fast), readersAgreeOn(parseSkillMd(text, 'yaml')), line);
    }
    const leftToYaml = [
      'on: x',
      'yes: x',
      'Y: x',
      '__proto__: x',
      'name: nULL',
      'name: a ',
      'name: a\u00a0',
      'name: a\u2028b',
      'name: é and ü',
      'name: \ud83d\ude00 emoji',
      'name: ~x',
      'name: a\u0085b',
      'name: {a}',
    ];
    for (const line of leftToYaml) assert.equal(parseSkillMd(`---\n${line}\ndescription: d\n---\nBody.\n`).usedFastPath, false, line);
  });

  it('leaves anything unusual to the yaml package', () => {
    for (const line of [
      'name: yEs',
      'name: 012',
      'name: -3',
      'name: 1_000',
      'name: 1.5',
      'name: null',
      'description: "a" # comment',
      'x: [a] # comment',
      'description: |',
      'x: []',
      'x: [a, [b]]',
      'x: [a: b]',
      'x: [a, null]',
      'x: &a b',
      'k: |+\n  a',
      'k: >\n  a\n\n  b',
      'k: |\n\n  a',
      'k: |\n  a\n  \n  b',
      'x: "esc\\nd"',
      'x: "a"b"',
      'k: |\n  a\n# not a comment\n  b',
      'name:\tx',
    ]) {
      assert.equal(parseSkillMd(`---\n${line}\n---\n`).usedFastPath, false, line);
    }
  });
});
