import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, only, ruleSeverities, skillMd, VALID } from './helpers';

describe('lintSkillMd: structure', () => {
  it('reports nothing for a valid skill', () => {
    assert.deepEqual(lint(skillMd(...VALID), { folderName: 'pdf-tools', fileExists: () => true }), []);
  });

  it('reports a missing frontmatter on the first line', () => {
    const [d] = lint('# Title\n\nBody\n');
    assert.equal(d.rule, 'frontmatter-missing');
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
  });

  it('reports an unclosed frontmatter and nothing about its keys', () => {
    assert.deepEqual(ruleSeverities('---\nname: x\n\nBody\n'), ['frontmatter-unclosed:error']);
  });

  it('reports YAML that is not a mapping', () => {
    const [d] = lint(skillMd('- a', '- b'));
    assert.equal(d.rule, 'frontmatter-not-mapping');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 3 } });
  });

  it('points a YAML error at its fault', () => {
    const [d] = lint(skillMd('name: pdf-tools', 'description: "unterminated'));
    assert.equal(d.rule, 'yaml-syntax');
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 2);
  });

  it('gives an unquoted colon its own message, pointing at the colon', () => {
    const [d, ...rest] = lint(skillMd('name: pdf-tools', 'description: Use when: the user asks'));
    assert.deepEqual(rest, []);
    assert.equal(d.rule, 'yaml-syntax');
    assert.match(d.message, /contains `: `/);
    assert.deepEqual(d.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 22 } });
    assert.deepEqual(
      d.fixes.map((f) => f.isPreferred === true),
      [true, false],
    );
  });

  it('flags a duplicate key by profile severity', () => {
    const text = skillMd(...VALID, 'name: pdf-tools');
    assert.deepEqual(ruleSeverities(text, 'claude-api'), ['duplicate-key:warning']);
    assert.deepEqual(ruleSeverities(text, 'spec'), ['duplicate-key:error']);
    assert.deepEqual(only(lint(text), 'duplicate-key')[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
  });

  it('names the first line of a duplicated key, among a few keys and among many', () => {
    for (const extra of [0, 40]) {
      const filler = Array.from({ length: extra }, (_, i) => `k${i}: v`);
      const text = skillMd(...VALID, ...filler, 'license: MIT', 'name: again', 'license: Apache-2.0', 'name: thrice');
      const duplicates = only(lint(text), 'duplicate-key').map((d) => [d.range.start.line, d.message.split(';')[0]]);
      assert.deepEqual(duplicates, [
        [4 + extra, '`name` already appears on line 2'],
        [5 + extra, `\`license\` already appears on line ${4 + extra}`],
        [6 + extra, '`name` already appears on line 2'],
      ]);
    }
  });

  it('flags unknown keys: errors for the API and spec, warnings for Claude Code, known Claude Code keys pass there', () => {
    const text = skillMd(...VALID, 'when_to_use: Later', 'version: 1');
    assert.deepEqual(ruleSeverities(text, 'claude-api'), ['unknown-key:error', 'unknown-key:error']);
    assert.deepEqual(ruleSeverities(text, 'spec'), ['unknown-key:error', 'unknown-key:error']);
    assert.deepEqual(ruleSeverities(text, 'claude-code'), ['unknown-key:warning']);
  });
});

describe('lintSkillMd: name', () => {
  it('requires a name except for Claude Code', () => {
    const text = skillMd(VALID[1]);
    assert.deepEqual(ruleSeverities(text, 'claude-api'), ['name-missing:error']);
    assert.deepEqual(ruleSeverities(text, 'claude-code'), []);
  });

  it('reads YAML 1.1 types: yes is a boolean, 123 a number', () => {
    for (const value of ['yes', 'no', 'on', 'off', '123', '2024-01-01', '[a]']) {
      assert.deepEqual(ruleSeverities(skillMd(`name: ${value}`, VALID[1])), ['name-type:error'], value);
    }
  });

  it('checks length, format and reserved words by profile', () => {
    const long = 'a'.repeat(65);
    assert.deepEqual(ruleSeverities(skillMd(`name: ${long}`, VALID[1])), ['name-too-long:error']);
    assert.deepEqual(ruleSeverities(skillMd(`name: ${long}`, VALID[1]), 'claude-code'), ['name-too-long:warning']);
    for (const bad of ['PDF Tools', 'pdf--tools', '-pdf', 'pdf-', 'pdf_tools', 'pdf.tools']) {
      assert.deepEqual(ruleSeverities(skillMd(`name: ${bad}`, VALID[1])), ['name-format:error'], bad);
    }
    assert.deepEqual(ruleSeverities(skillMd('name: claude-helper', VALID[1])), ['name-reserved:error']);
    assert.deepEqual(ruleSeverities(skillMd('name: my-anthropic', VALID[1]), 'spec'), []);
  });

  it('compares the name with the folder only when the folder is known', () => {
    const text = skillMd(...VALID);
    assert.deepEqual(ruleSeverities(text, 'claude-api', { folderName: 'tools' }), ['name-dir-mismatch:warning']);
    assert.deepEqual(ruleSeverities(text, 'spec', { folderName: 'tools' }), ['name-dir-mismatch:error']);
    assert.deepEqual(ruleSeverities(text, 'claude-api'), []);
  });

  it('puts name findings on the value', () => {
    const [d] = lint(skillMd('name: "PDF Tools"', VALID[1]));
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } });
  });
});

describe('lintSkillMd: description and other keys', () => {
  it('requires a description that is non-empty text', () => {
    assert.deepEqual(ruleSeverities(skillMd(VALID[0])), ['description-missing:error']);
    assert.deepEqual(ruleSeverities(skillMd(VALID[0]), 'claude-code'), ['description-missing:warning']);
    assert.deepEqual(ruleSeverities(skillMd(VALID[0], 'description: "   "')), ['description-empty:error']);
    assert.deepEqual(ruleSeverities(skillMd(VALID[0], 'description:')), ['description-empty:error']);
    assert.deepEqual(ruleSeverities(skillMd(VALID[0], 'description: 42')), ['description-type:error']);
  });

  it('limits the description to 1024 characters', () => {
    assert.deepEqual(ruleSeverities(skillMd(VALID[0], `description: ${'x'.repeat(1024)}`)), []);
    assert.deepEqual(ruleSeverities(skillMd(VALID[0], `description: ${'x'.repeat(1025)}`)), ['description-too-long:error']);
  });

  it('rejects XML tags in the description for the API only, not bare angle brackets', () => {
    const tagged = skillMd(VALID[0], 'description: Use <example>this</example> well');
    assert.deepEqual(ruleSeverities(tagged), ['description-xml:error']);
    assert.deepEqual(ruleSeverities(tagged, 'spec'), []);
    assert.deepEqual(ruleSeverities(skillMd(VALID[0], 'description: a < b > c -> d, x<y')), []);
  });

  it('checks compatibility, metadata, allowed-tools and license', () => {
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'compatibility: 3')), ['compatibility-invalid:error']);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, `compatibility: ${'c'.repeat(501)}`)), ['compatibility-invalid:error']);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'metadata: text')), ['metadata-invalid:error']);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'metadata:', '  author: me', '  version: 1.0')), ['metadata-value-type:warning']);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'metadata:', '  version: 1.0'), 'claude-code'), []);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'allowed-tools: Read Bash(git:*)')), []);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'allowed-tools:', '  - Read')), ['allowed-tools-invalid:warning']);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'allowed-tools:', '  - Read'), 'claude-code'), []);
    assert.deepEqual(ruleSeverities(skillMd(...VALID, 'license: 2')), ['license-invalid:warning']);
  });

  it('points a metadata value finding at the value', () => {
    const [d] = lint(skillMd(...VALID, 'metadata:', '  version: 1.0'));
    assert.deepEqual(d.range, { start: { line: 4, character: 11 }, end: { line: 4, character: 14 } });
  });
});

describe('lintSkillMd: body and links', () => {
  it('warns about an empty body', () => {
    assert.deepEqual(ruleSeverities(`---\n${VALID.join('\n')}\n---\n\n  \n`), ['body-empty:warning']);
  });

  it('warns past 500 body lines and 5,000 estimated tokens', () => {
    const lines = Array.from({ length: 501 }, (_, i) => `line ${i}`).join('\n');
    const long = `---\n${VALID.join('\n')}\n---\n${lines}\n`;
    assert.deepEqual(ruleSeverities(long), ['body-too-long:warning']);
    assert.equal(only(lint(long), 'body-too-long')[0].range.start.line, 4 + 500);
    assert.deepEqual(ruleSeverities(`---\n${VALID.join('\n')}\n---\n${'x'.repeat(20_001)}\n`), ['body-token-budget:warning']);
    assert.deepEqual(ruleSeverities(`---\n${VALID.join('\n')}\n---\n${'x'.repeat(19_999)}\n`), []);
  });

  it('checks relative links and images, ignoring URLs, anchors, code and queries', () => {
    const body = [
      '[ok](scripts/run.py?x=1#top) ![img](assets/a%20b.png) [web](https://example.com/x) [anchor](#usage)',
      '[mail](mailto:a@b.c) `[code](missing.md)` [gone](missing.md) [up](../shared.md) [dir](./scripts/)',
      '```',
      '[fenced](missing-too.md)',
      '```',
    ];
    const text = `---\n${VALID.join('\n')}\n---\n${body.join('\n')}\n`;
    const files = new Set(['scripts', 'scripts/run.py', 'assets', 'assets/a b.png']);
    const found = lint(text, { fileExists: (p) => files.has(p) });
    assert.deepEqual(
      found.map((d) => [d.rule, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['link-broken', 5, 49, 59],
        ['link-outside', 5, 66, 78],
      ],
    );
  });

  it('skips links in fenced blocks the way CommonMark opens and closes them', () => {
    const body = [
      '[a](a.md)', // 4: a link
      '   ```js', // 5: opens (three spaces of indent at most)
      '[b](b.md)',
      '~~~', // 7: a tilde run does not close a backtick fence
      '[c](c.md)',
      '````', // 9: a longer run closes it
      '[d](d.md) x ``` y', // 10: a run inside a line opens nothing
      '    ```', // 11: four spaces: not a fence
      '[e](e.md)',
      '~~~~', // 13: opens
      '[f](f.md)',
      '~~~', // 15: shorter than the opening run: does not close
      '[g](g.md)',
      '~~~~~', // 17: closes
      '[h](h.md)',
      '```', // 19: opens, never closed
      '[i](i.md)',
    ];
    const text = `---\n${VALID.join('\n')}\n---\n${body.join('\n')}\n`;
    const broken = lint(text, { fileExists: () => false }).filter((d) => d.rule === 'link-broken');
    assert.deepEqual(
      broken.map((d) => [d.range.start.line, d.message.slice(1, 5)]),
      [
        [4, 'a.md'],
        [10, 'd.md'],
        [12, 'e.md'],
        [18, 'h.md'],
      ],
    );
  });

  it('finds links line by line: never across a line break, in inline code only on its own line', () => {
    const body = [
      '[a\n](x.md) [b](\ny.md) [c](<z\n.md>)', // no link spans two lines
      '`[d](d.md)` [e](e.md) `` [f](f.md) ` `` [g](g.md)',
      'an unclosed ` here [h](h.md)',
      '[i](i.md)` and the next line` closes nothing',
      '[j](j.md)\r[k](k.md)\r\n[l](l.md)', // CR and CRLF are line breaks too
      '[m](  m.md) ![n](n.png)',
    ];
    const text = `---\n${VALID.join('\n')}\n---\n${body.join('\n')}\n`;
    const broken = lint(text, { fileExists: () => false }).filter((d) => d.rule === 'link-broken');
    assert.deepEqual(
      broken.map((d) => [d.range.start.line, d.range.start.character, d.message.slice(1, d.message.indexOf('`', 1))]),
      [
        [8, 16, 'e.md'],
        [8, 44, 'g.md'],
        [9, 23, 'h.md'],
        [10, 4, 'i.md'],
        [11, 4, 'j.md'],
        [12, 4, 'k.md'],
        [13, 4, 'l.md'],
        [14, 6, 'm.md'],
        [14, 17, 'n.png'],
      ],
    );
  });

  it('ends inline code only at a run of exactly as many backticks, as CommonMark does', () => {
    const body = [
      '`[a](a.md) ``` x', // a run of three does not close a run of one: the link is text
      '``[b](b.md)`` and `[c](c.md)`',
      '`x ``` [d](d.md) `', // the run of one closes at the last backtick, not inside the run of three
    ];
    const text = `---\n${VALID.join('\n')}\n---\n${body.join('\n')}\n`;
    const broken = lint(text, { fileExists: () => false }).filter((d) => d.rule === 'link-broken');
    assert.deepEqual(
      broken.map((d) => [d.range.start.line, d.message.slice(1, d.message.indexOf('`', 1))]),
      [[4, 'a.md']],
    );
  });

  it('calls a body of only white space empty, whatever the white space', () => {
    assert.deepEqual(ruleSeverities(`---\n${VALID.join('\n')}\n---\n \u00a0\t\u3000\n\u2028\n`), ['body-empty:warning']);
    assert.deepEqual(ruleSeverities(`---\n${VALID.join('\n')}\n---\n \u00a0x\n`), []);
  });

  it('reads odd link targets as paths in the folder, outside it, or not paths at all', () => {
    const targets = [
      '.env',
      '...',
      'a/.b',
      'a/..b',
      'a:b/c',
      'C:/x',
      'a//b',
      'a/',
      'a\\b',
      '<a b.md>',
      'a/./b',
      '%2e%2e/x',
      '..',
      '.',
      './',
      'x/../..',
      'x/../y',
      '/abs',
      '\\abs',
      'a?',
      'a#',
      '?q',
      'é/ü.md',
      'a%20b',
      'a b',
      'x.md:',
      'a/b/c.d.e',
      '<>',
      '<..>',
      'http:x',
      '1a:b',
      'a+b.c:',
      'a/b/',
    ];
    const text = `---\n${VALID.join('\n')}\n---\n${targets.map((t) => `[x](${t})`).join('\n')}\n`;
    const found = lint(text, { fileExists: (p) => p === 'y' }).filter((d) => d.rule.startsWith('link'));
    const read = found.map((d) => [
      targets[d.range.start.line - 4],
      d.rule === 'link-outside' ? 'outside' : d.message.slice(1, d.message.indexOf('`', 1)),
    ]);
    assert.deepEqual(read, [
      ['.env', '.env'],
      ['...', '...'],
      ['a/.b', 'a/.b'],
      ['a/..b', 'a/..b'],
      ['a//b', 'a/b'],
      ['a/', 'a'],
      ['a\\b', 'a/b'],
      ['<a b.md>', 'a b.md'],
      ['a/./b', 'a/b'],
      ['%2e%2e/x', 'outside'],
      ['..', 'outside'],
      ['x/../..', 'outside'],
      ['a?', 'a'],
      ['a#', 'a'],
      ['é/ü.md', 'é/ü.md'],
      ['a%20b', 'a b'],
      ['a b', 'a'],
      ['a/b/c.d.e', 'a/b/c.d.e'],
      ['<..>', 'outside'],
      ['1a:b', '1a:b'],
      ['a/b/', 'a/b'],
    ]);
  });

  it('runs link-outside without a file check, and link-broken only with one', () => {
    const text = `---\n${VALID.join('\n')}\n---\n[a](../x.md) [b](nope.md)\n`;
    assert.deepEqual(ruleSeverities(text), ['link-outside:warning']);
  });
});
