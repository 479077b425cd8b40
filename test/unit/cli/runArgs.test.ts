import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandArgs } from '../../../src/cli/args';
import { RUN_ARGS, parseSkillSpec, type RunArgs } from '../../../src/cli/runArgs';
import { usageError } from './usageError';

const parseRunArgs = (args: string[]): RunArgs | 'help' => parseCommandArgs(RUN_ARGS, args);

describe('skillsmith run arguments', () => {
  it('reads skills as custom ids or Anthropic names, with optional versions and prefixes', () => {
    assert.deepEqual(parseSkillSpec('skill_01abc'), { type: 'custom', skillId: 'skill_01abc' });
    assert.deepEqual(parseSkillSpec('skill_01abc@skver_9'), { type: 'custom', skillId: 'skill_01abc', version: 'skver_9' });
    assert.deepEqual(parseSkillSpec('xlsx'), { type: 'anthropic', skillId: 'xlsx' });
    assert.deepEqual(parseSkillSpec('pdf@latest'), { type: 'anthropic', skillId: 'pdf', version: 'latest' });
    assert.deepEqual(parseSkillSpec('custom:my-id@1759178010641129'), { type: 'custom', skillId: 'my-id', version: '1759178010641129' });
    assert.deepEqual(parseSkillSpec('anthropic:skill_x'), { type: 'anthropic', skillId: 'skill_x' });
    assert.match(
      usageError(() => parseSkillSpec('xlsx@')),
      /^--skill 'xlsx@' .* version after @/,
    );
    assert.match(
      usageError(() => parseSkillSpec('@1', 'other-skill')),
      /^--other-skill '@1' needs an id/,
    );
  });

  it('takes repeated skills, a model, the format and the prompt', () => {
    const args = parseRunArgs([
      '--skill',
      'xlsx',
      '--skill=skill_1@v2',
      '--model',
      'claude-opus-5-5',
      '--format',
      'json',
      '--beta',
      'Make',
      'a chart',
    ]);
    assert.ok(args !== 'help');
    assert.deepEqual(args.skills, [
      { type: 'anthropic', skillId: 'xlsx' },
      { type: 'custom', skillId: 'skill_1', version: 'v2' },
    ]);
    assert.equal(args.model, 'claude-opus-5-5');
    assert.equal(args.format, 'json');
    assert.equal(args.apiForm, 'beta');
    assert.equal(args.prompt, 'Make a chart');
    assert.equal(args.maxTokens, undefined);
  });

  it('says what is wrong', () => {
    const error = (argv: string[]): string => usageError(() => parseRunArgs(argv));
    assert.match(error([]), /Give the prompt/);
    assert.match(error(['--format', 'xml', 'hi']), /Unknown format 'xml'/);
    assert.match(error(['--max-tokens', '0', 'hi']), /--max-tokens must be a whole number of at least 1/);
    assert.match(error(['--max-continuations', 'many', 'hi']), /--max-continuations/);
    assert.match(error(['--colour', 'hi']), /Unknown option/);
    assert.match(error(['--beta=yes', 'hi']), /^--beta takes no value\.$/);
    assert.equal(parseRunArgs(['--help']), 'help');
  });
});
