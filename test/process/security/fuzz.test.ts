import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { lintSkillFolder } from '../../../src/core/skill/folder';
import { scanText } from '../../../src/core/skill/security/scanText';
import { prng } from '../../unit/skill/frontmatterFuzz';

/** The anchors of the patterns, repeated: the text that makes each pattern start the most attempts. */
const ANCHORS = [
  'curl ',
  'wget -d ',
  '<!--',
  'ignore all ',
  'do not ',
  'rm -rf ',
  '/dev/tcp/a/1',
  'chmod +x ',
  'cat ~/.ssh',
  '![a](https://x?',
  'eyJaaaaaaaaaaaa.',
  'sk-ant-a-',
  'a://b:c',
  'exec(',
  '\u200B',
  '\uDB40\uDC41',
];

describe('the security scan on hostile files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'skillsmith-scan-fuzz-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws or hangs: 100 MB, binary, one 10 MB line, anchors repeated', { timeout: 120_000 }, () => {
    writeFileSync(path.join(dir, 'SKILL.md'), '---\nname: x\ndescription: Fuzz. Use when fuzzing.\n---\nBody.\n');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'huge.txt'), Buffer.alloc(100 * 1024 * 1024, 'rm -rf ~ '));
    const random = prng(16);
    writeFileSync(path.join(dir, 'assets', 'blob.bin'), Buffer.from(Array.from({ length: 1 << 20 }, () => Math.floor(random() * 256))));
    writeFileSync(path.join(dir, 'assets', 'line.txt'), 'x'.repeat(10 * 1024 * 1024));
    for (const [i, anchor] of ANCHORS.entries())
      writeFileSync(path.join(dir, 'assets', `anchor-${i}.txt`), anchor.repeat(Math.ceil((4 << 20) / anchor.length)));
    const { diagnostics } = lintSkillFolder(dir, { profile: 'claude-api' });
    assert.ok(diagnostics.some((d) => d.rule === 'upload-too-large'));
    assert.ok(diagnostics.some((d) => d.rule === 'security-destructive' && d.file === 'assets/huge.txt'));
  });

  it('never throws on random text', () => {
    const random = prng(7);
    const pieces = [...ANCHORS, '\n', ' ', '"', "'", '`', ')', '(', '|', '@', '$(', '{', '-->', '\uD800', 'é'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 200 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      assert.doesNotThrow(() => scanText(text, { relativePath: 'x.sh', isSkillMd: false }));
    }
  });
});
