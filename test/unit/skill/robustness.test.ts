import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintSkillMd } from '../../../src/core/skill/lint';
import type { Diagnostic } from '../../../src/core/skill/types';
import { prng } from './frontmatterFuzz';
import { lint, ruleSeverities, skillMd, VALID } from './helpers';

function lintEveryProfile(text: string): Diagnostic[] {
  return (['claude-api', 'spec', 'claude-code'] as const).flatMap((profile) =>
    lintSkillMd(text, { profile, folderName: 'x', fileExists: () => false }),
  );
}

describe('lintSkillMd never throws', () => {
  it('on an empty file', () => {
    assert.deepEqual(ruleSeverities(''), ['frontmatter-missing:error', 'body-empty:warning']);
  });

  it('on binary garbage', () => {
    const random = prng(7);
    for (let i = 0; i < 200; i++) {
      const bytes = Array.from({ length: 1 + Math.floor(random() * 300) }, () => String.fromCharCode(Math.floor(random() * 0x10000)));
      const text = (random() < 0.5 ? '---\n' : '') + bytes.join('') + (random() < 0.5 ? '\n---\n' : '');
      assert.ok(Array.isArray(lintEveryProfile(text)));
    }
  });

  it('on a 10 MB file', () => {
    const body = 'All work and no play. [link](missing.md)\n'.repeat(250_000);
    const found = lint(skillMd(...VALID) + body, { fileExists: () => false });
    assert.ok(found.some((d) => d.rule === 'body-token-budget'));
    assert.ok(found.some((d) => d.rule === 'link-broken'));
  });

  it('on deeply nested YAML', () => {
    const depth = 20_000;
    for (const nested of [
      `x: ${'['.repeat(depth)}${']'.repeat(depth)}`,
      Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    ]) {
      const found = lint(skillMd(...VALID, nested));
      assert.ok(found.every((d) => typeof d.message === 'string'));
    }
  });

  it('on a billion-laughs document, reading a bounded number of aliases', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const [d] = lint(skillMd(...VALID, ...laughs));
    assert.equal(d.rule, 'yaml-syntax');
    assert.match(d.message, /alias/i);
  });

  it('on tabs, a BOM and CRLF line breaks', () => {
    assert.deepEqual(ruleSeverities('\ufeff' + skillMd(...VALID)), []);
    assert.deepEqual(ruleSeverities(skillMd(...VALID).replace(/\n/g, '\r\n')), []);
    assert.deepEqual(ruleSeverities(skillMd('name:\tpdf-tools', `description:\t${'word '.repeat(3)}end`)), []);
    const [tabIndent] = lint(skillMd(...VALID, 'metadata:', '\tauthor: me'));
    assert.equal(tabIndent.rule, 'yaml-syntax');
  });

  it('on lone carriage returns, which editors count as line breaks', () => {
    const [d] = lint(skillMd('name: PDF Tools', VALID[1]).replace(/\n/g, '\r'));
    assert.equal(d.rule, 'name-format');
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
  });
});

describe('lintSkillMd bounds what one file reports', () => {
  it('lists the first 1,000 findings of a rule and says how many more it left out, for any rule', () => {
    const keys = Array.from({ length: 1_500 }, (_, i) => `name: n${i}`).join('\n');
    const links = '[a](../out.md) [b](gone.md)\n'.repeat(2_500);
    const found = lintSkillMd(`---\n${keys}\ndescription: Many. Use when testing.\n---\n${links}`, {
      profile: 'claude-api',
      fileExists: () => false,
    });
    for (const [rule, total] of [
      ['duplicate-key', 1_499],
      ['link-outside', 2_500],
      ['link-broken', 2_500],
    ] as const) {
      const ofRule = found.filter((d) => d.rule === rule);
      assert.equal(ofRule.length, 1_001, rule);
      assert.equal(
        ofRule[1_000].message,
        `${(total - 1_000).toLocaleString('en-US')} more \`${rule}\` findings in this file are left out (only the first 1000 are listed).`,
      );
      assert.deepEqual(ofRule[1_000].range, ofRule[999].range, `${rule}: the count sits on the last one listed`);
    }
  });
});
