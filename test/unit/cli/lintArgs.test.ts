import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLintArgs } from '../../../src/cli/lintArgs';
import { shouldColour } from '../../../src/cli/lintText';

describe('parseLintArgs', () => {
  it('defaults to the current folder, the claude-api profile and text', () => {
    assert.deepEqual(parseLintArgs([]), { paths: ['.'], profile: 'claude-api', format: 'text', help: false });
  });

  it('reads paths and options in both spellings', () => {
    assert.deepEqual(parseLintArgs(['a', '--profile=claude-code', 'b', '--format', 'sarif']), { paths: ['a', 'b'], profile: 'claude-code', format: 'sarif', help: false });
  });

  it('reads --upload-limit-mb as bytes, and refuses anything but a number above 0', () => {
    assert.deepEqual(parseLintArgs(['--upload-limit-mb', '8']), { paths: ['.'], profile: 'claude-api', format: 'text', help: false, uploadLimitBytes: 8 * 1024 * 1024 });
    assert.equal((parseLintArgs(['--upload-limit-mb=0.5']) as { uploadLimitBytes: number }).uploadLimitBytes, 512 * 1024);
    for (const bad of ['0', '-1', 'lots', '']) assert.deepEqual(parseLintArgs([`--upload-limit-mb=${bad}`]), { error: `--upload-limit-mb needs a number above 0, not "${bad}".` });
  });

  it('explains what is wrong', () => {
    assert.deepEqual(parseLintArgs(['--profile']), { error: '--profile needs a value.' });
    assert.deepEqual(parseLintArgs(['--profile', 'vscode']), { error: "Unknown profile 'vscode': use one of claude-api, spec, claude-code." });
    assert.deepEqual(parseLintArgs(['-x']), { error: "Unknown option '-x'." });
  });
});

describe('shouldColour', () => {
  it('colours only a terminal, and never with NO_COLOR', () => {
    assert.equal(shouldColour({ isTTY: true }, {}), true);
    assert.equal(shouldColour({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(shouldColour({ isTTY: false }, {}), false);
  });
});
