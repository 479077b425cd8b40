import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { sdkFor } from './support';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli.ts');

describe('skillsmith emulator (CLI)', () => {
  it('prints the listening line, serves the seeded skills, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'emulator', '--port', '0', '--seed'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    const match = /^Skills API emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
    assert.ok(match, first);
    const page = await sdkFor(match[1] ?? '').beta.skills.list({ source: 'anthropic' });
    assert.equal(page.data.length, 4);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('prints its options for --help', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'emulator', '--help'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    assert.match(first, /^Usage: skillsmith emulator \[--port N\]/);
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  });

  it('rejects a bad port with exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'emulator', '--port', 'eighty'], { stdio: 'ignore' });
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
  });
});
