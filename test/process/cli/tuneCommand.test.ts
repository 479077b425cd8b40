import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tuneFixture } from '../../unit/cli/tuneFixture';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli.ts');

describe('skillsmith tune (as a process)', () => {
  const fixture = tuneFixture('skillsmith-tune-process-');

  it('Ctrl-C in the middle deletes every temporary skill before it exits 130', async () => {
    const before = await fixture.reset();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'tune', fixture.skill, '--runs', '3', '--candidate', 'Tidies CSV files.', '--model', 'm'],
      { env: { ...process.env, ...fixture.vars() } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('measuring your candidate') && !stderr.includes('interrupted')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted; every temporary skill was deleted\./);
    assert.deepEqual(fixture.skillIds(), before);
  });

  it('is a subcommand of the CLI', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'tune', '--help']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise((resolve) => child.on('exit', resolve));
    assert.match(stdout, /^Usage: skillsmith tune PATH/);
  });
});
