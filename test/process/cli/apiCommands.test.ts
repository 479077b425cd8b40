import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { emulatorForSuite, TEST_KEY } from '../../unit/emulator/support';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli.ts');
const run = promisify(execFile);

describe('skillsmith run and eval (as subcommands of the CLI)', () => {
  const env = emulatorForSuite({ seed: true });

  it('runs `skillsmith run`', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, 'run', '--skill', 'xlsx', 'hello from the CLI'], {
      env: { ...process.env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: env.emulator.url },
    });
    assert.match(stdout, /> hello from the CLI/);
  });

  it('runs `skillsmith eval`', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, 'eval', '--help']);
    assert.match(stdout, /^Usage: skillsmith eval PATH/);
  });
});
