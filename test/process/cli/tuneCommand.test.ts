import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { emulatorForSuite, TEST_KEY } from '../../unit/emulator/support';

const CLI = join(__dirname, '..', '..', '..', 'src', 'cli.ts');

/** A skill whose description misses half of what it should catch. */
const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'evals', 'csv-tidy');

describe('skillsmith tune (as a process)', () => {
  const env = emulatorForSuite({ seed: true });
  const vars = (): NodeJS.ProcessEnv => ({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: env.emulator.url });
  const skillIds = (): string[] =>
    env.emulator.admin.store
      .list('custom')
      .map((item) => item.id)
      .sort();
  let root = '';
  let skill = '';
  let originalSkillMd = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'skillsmith-tune-process-'));
    skill = join(root, 'csv-tidy');
    await cp(FIXTURE, skill, { recursive: true });
    originalSkillMd = await readFile(join(FIXTURE, 'SKILL.md'), 'utf8');
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('Ctrl-C in the middle deletes every temporary skill before it exits 130', async () => {
    await writeFile(join(skill, 'SKILL.md'), originalSkillMd);
    const before = skillIds();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'tune', skill, '--runs', '3', '--candidate', 'Tidies CSV files.', '--model', 'm'],
      { env: { ...process.env, ...vars() } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('measuring your candidate') && !stderr.includes('interrupted')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted; every temporary skill was deleted\./);
    assert.deepEqual(skillIds(), before);
  });

  it('is a subcommand of the CLI', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'tune', '--help']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise((resolve) => child.on('exit', resolve));
    assert.match(stdout, /^Usage: skillsmith tune PATH/);
  });
});
