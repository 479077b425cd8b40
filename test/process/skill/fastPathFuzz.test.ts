import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintParsedSkillMd } from '../../../src/core/skill/lint';
import { parseSkillMd } from '../../../src/core/skill/parse';
import { PROFILES } from '../../../src/core/skill/types';
import {
  mutate,
  prng,
  randomFrontmatter,
  readersAgreeOn,
  realisticFrontmatter,
  typicalFrontmatter,
} from '../../unit/skill/frontmatterFuzz';

// The fast frontmatter reader against the yaml package on 12,000 generated frontmatters: seconds of CPU, so in the
// process phase (test/unit/skill/fastPath.test.ts has its hand-written cases).
describe('the fast frontmatter reader, fuzzed', () => {
  it('gives exactly the same entries, ranges and diagnostics as the yaml package (differential fuzz)', () => {
    const random = prng(20240601);
    let compared = 0;
    for (let i = 0; i < 12_000; i++) {
      const roll = random();
      let frontmatter =
        roll < 0.35 ? typicalFrontmatter(random) : roll < 0.7 ? randomFrontmatter(random) : realisticFrontmatter(random, 'pdf-tools');
      for (let m = random() < 0.5 ? 0 : 1 + Math.floor(random() * 2); m > 0; m--) frontmatter = mutate(frontmatter, random);
      const text = `---\n${frontmatter}---\n\nBody with a [link](x.md).\n`;
      const fast = parseSkillMd(text, 'auto');
      if (!fast.usedFastPath) continue;
      compared++;
      const full = parseSkillMd(text, 'yaml');
      assert.deepEqual(readersAgreeOn(fast), readersAgreeOn(full), `readers differ on:\n${text}`);
      for (const profile of PROFILES) {
        const options = { profile, folderName: 'pdf-tools', fileExists: () => false };
        assert.deepEqual(
          lintParsedSkillMd(fast, options),
          lintParsedSkillMd(full, options),
          `diagnostics differ (${profile}) on:\n${text}`,
        );
      }
    }
    assert.ok(compared > 3000, `only ${compared} inputs took the fast path`);
  });
});
