import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandArgs } from '../../../src/cli/args';
import { LINT_ARGS, type LintArgs } from '../../../src/cli/lintArgs';
import { shouldColour } from '../../../src/cli/lintText';
import { usageError } from './usageError';

const parseLintArgs = (args: string[]): LintArgs | 'help' => parseCommandArgs(LINT_ARGS, args);
const usage = (args: string[]): string => usageError(() => parseLintArgs(args));

describe('the arguments of skillsmith lint', () => {
  it('defaults to the current folder, the claude-api profile and text', () => {
    assert.deepEqual(parseLintArgs([]), { paths: ['.'], profile: 'claude-api', format: 'text' });
  });

  it('reads paths and options in both spellings', () => {
    assert.deepEqual(parseLintArgs(['a', '--profile=claude-code', 'b', '--format', 'sarif']), {
      paths: ['a', 'b'],
      profile: 'claude-code',
      format: 'sarif',
    });
    assert.deepEqual(parseLintArgs(['-', '--', '--odd-folder']), { paths: ['-', '--odd-folder'], profile: 'claude-api', format: 'text' });
  });

  it('asks for the help with -h or --help, whatever else is given', () => {
    for (const args of [['-h'], ['--help'], ['a', '--profile', 'vscode', '--help']])
      assert.equal(parseLintArgs(args), 'help', args.join(' '));
  });

  it('reads --upload-limit-mb as bytes, and refuses anything but a number above 0', () => {
    assert.deepEqual(parseLintArgs(['--upload-limit-mb', '8']), {
      paths: ['.'],
      profile: 'claude-api',
      format: 'text',
      uploadLimitBytes: 8 * 1024 * 1024,
    });
    assert.equal((parseLintArgs(['--upload-limit-mb=0.5']) as { uploadLimitBytes: number }).uploadLimitBytes, 512 * 1024);
    for (const bad of ['0', '-1', 'lots', ''])
      assert.equal(usage([`--upload-limit-mb=${bad}`]), `--upload-limit-mb needs a number above 0, not "${bad}".`);
  });

  it('explains what is wrong', () => {
    assert.equal(usage(['--profile']), '--profile needs a value.');
    assert.equal(usage(['--profile', 'vscode']), "Unknown profile 'vscode': use one of claude-api, spec, claude-code.");
    assert.equal(usage(['--format', 'xml']), "Unknown format 'xml': use one of text, json, sarif.");
    assert.equal(usage(['-x']), "Unknown option '-x'.");
    assert.equal(
      usage(['--upload-limit-mb', '-1']),
      '--upload-limit-mb needs a value (write --upload-limit-mb=VALUE for one that starts with -).',
    );
  });
});

describe('shouldColour', () => {
  it('colours only a terminal, and never with NO_COLOR', () => {
    assert.equal(shouldColour({ isTTY: true }, {}), true);
    assert.equal(shouldColour({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(shouldColour({ isTTY: false }, {}), false);
  });
});
