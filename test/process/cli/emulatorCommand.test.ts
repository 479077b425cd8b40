import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { startEmulator } from '../../../src/emulator';
import { sdkFor, skillFolder, uploadables } from '../../unit/emulator/support';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli.ts');

describe('skillsmith emulator (CLI)', () => {
  it('prints the listening line, serves the seeded skills, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'emulator', '--port', '0', '--seed'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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

  it('keeps every acknowledged change of --data when the process is killed in the middle of a burst', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'skillsmith-emulator-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'emulator', '--port', '0', '--data', dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const sdk = sdkFor(/listening on (\S+)/.exec(line)?.[1] ?? '');
      const acknowledged: string[] = [];
      const exited = once(child, 'exit');
      const burst = Array.from({ length: 40 }, async (_, i) => {
        const skill = await sdk.skills.create({ files: await uploadables(skillFolder(`burst-${i}`)) });
        acknowledged.push(skill.id);
        if (acknowledged.length === 10) child.kill('SIGKILL');
      });
      await Promise.allSettled(burst);
      await exited;
      assert.ok(acknowledged.length >= 10);
      const emulator = await startEmulator({ dataDir });
      try {
        const listed = new Set((await sdkFor(emulator.url).skills.list({ limit: 100 })).data.map((skill) => skill.id));
        for (const id of acknowledged) assert.ok(listed.has(id), `${id} was acknowledged, so it was saved`);
      } finally {
        await emulator.close();
      }
      assert.ok(![...readdirSync(dataDir), ...readdirSync(join(dataDir, 'blobs'))].some((name) => name.endsWith('.tmp')));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
