import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderSkillTemplate, titleFromName, type SkillExtra } from '../../../src/core/scaffold/skillTemplate';
import { validateNewSkill } from '../../../src/core/scaffold/validateNewSkill';
import { lintSkillMd } from '../../../src/core/skill/lint';
import { PROFILES } from '../../../src/core/skill/types';

const EXTRA_SETS: SkillExtra[][] = [[], ['scripts'], ['references'], ['scripts', 'references']];

describe('new skill template', () => {
  for (const profile of PROFILES) {
    for (const extras of EXTRA_SETS) {
      it(`lints clean in ${profile} with extras [${extras.join(', ')}]`, () => {
        const files = renderSkillTemplate({ name: 'pdf-form-filler', extras });
        const paths = new Set(files.map((f) => f.path));
        const diagnostics = lintSkillMd(files[0].content, {
          profile,
          folderName: 'pdf-form-filler',
          fileExists: (p) => paths.has(p),
        });
        assert.deepEqual(
          diagnostics.map((d) => `${d.rule}: ${d.message}`),
          [],
        );
      });
    }
  }

  it('writes SKILL.md first and only the extras asked for', () => {
    assert.deepEqual(
      renderSkillTemplate({ name: 'a' }).map((f) => f.path),
      ['SKILL.md'],
    );
    assert.deepEqual(
      renderSkillTemplate({ name: 'a', extras: ['references', 'scripts'] }).map((f) => f.path),
      ['SKILL.md', 'scripts/example.py', 'references/REFERENCE.md'],
    );
  });

  it('quotes a description that YAML would misread, and it still lints clean', () => {
    const description = 'Fill PDF forms. Use when: the user sends a form # or asks "fill this"';
    const [skillMd] = renderSkillTemplate({ name: 'pdf-form-filler', description });
    assert.match(skillMd.content, /^description: ".*"$/m);
    assert.deepEqual(lintSkillMd(skillMd.content, { profile: 'claude-api', folderName: 'pdf-form-filler' }), []);
  });

  it('titles the body from the name', () => {
    assert.equal(titleFromName('pdf-form-filler'), 'Pdf Form Filler');
    assert.equal(titleFromName('x'), 'X');
  });
});

describe('validateNewSkill', () => {
  it('accepts a kebab-case name', () => {
    assert.equal(validateNewSkill('pdf-form-filler', undefined, 'claude-api'), undefined);
  });

  it('asks for a name when empty', () => {
    assert.match(validateNewSkill('  ', undefined, 'claude-api') ?? '', /Enter a name/);
  });

  it('rejects what the linter rejects, with the linter message', () => {
    for (const bad of ['PDF Tools', 'a--b', '-a', 'x'.repeat(65)]) {
      const message = validateNewSkill(bad, undefined, 'claude-api');
      assert.ok(message, `expected ${JSON.stringify(bad)} to be rejected`);
    }
  });

  it('rejects reserved words only where the profile does', () => {
    assert.ok(validateNewSkill('claude-helper', undefined, 'claude-api'));
    assert.equal(validateNewSkill('claude-helper', undefined, 'spec'), undefined);
  });

  it('rejects a description with XML tags for the API', () => {
    assert.ok(validateNewSkill('ok-name', 'Use <example> tags', 'claude-api'));
    assert.equal(validateNewSkill('ok-name', 'Turns a -> b when x < y', 'claude-api'), undefined);
  });
});
