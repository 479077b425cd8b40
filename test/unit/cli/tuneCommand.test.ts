import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import type { EvalIo } from '../../../src/cli/evalCommand';
import { parseCommandArgs } from '../../../src/cli/args';
import { TUNE_ARGS } from '../../../src/cli/tuneArgs';
import { runTuneCommand } from '../../../src/cli/tuneCommand';
import { tuneFixture } from './tuneFixture';

describe('skillsmith tune', () => {
  const fixture = tuneFixture('skillsmith-tune-cli-');

  async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: EvalIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: fixture.vars(),
      onInterrupt: () => () => {},
    };
    const code = await runTuneCommand(argv, io);
    return { code, stdout, stderr };
  }

  it('prints a table per round and the winner, saves tuning.json, and --apply changes only the description', async () => {
    const before = await fixture.reset();
    const { code, stdout, stderr } = await run([
      fixture.skill,
      '--runs',
      '2',
      '--seed',
      '7',
      '--candidate',
      'A skill.',
      '--apply',
      '--model',
      'claude-sonnet-5-5',
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^skillsmith tune: 6 train and 4 holdout cases, 2 runs each; at most [\d,]+ requests/);
    assert.match(stderr, /dropped "<b>Cleans messy CSV files\.<\/b>": .*XML/);
    assert.match(stdout, /^Current\n {2}source {3}train P\/R/m);
    assert.match(stdout, /^Round 1\n/m);
    assert.match(stdout, /^ {2}user {5}.* A skill\.$/m);
    assert.match(stdout, /^ {2}model {4}-\/0% {8}stopped .* Cleans messy CSV\. \(beaten on train after 1 of 2 runs\)$/m);
    assert.match(stdout, /^Winner on holdout: Cleans messy CSV files\. Use it also for /m);
    assert.match(stdout, /^Applied: SKILL\.md's description is now the winner\.$/m);
    assert.match(stdout, /^Requests: [\d,]+ sent; measuring every description on every case would have sent [\d,]+\.$/m);
    const skillMd = await readFile(join(fixture.skill, 'SKILL.md'), 'utf8');
    const winner = /^Winner on holdout: (.*)$/m.exec(stdout)?.[1] ?? '';
    assert.equal(skillMd, fixture.originalSkillMd.replace('Cleans messy CSV files.', winner), 'only the description changed');
    const [results] = await readdir(join(fixture.skill, 'evals', 'results')).then((names) =>
      names.filter((name) => name.endsWith('-tune')),
    );
    const saved = JSON.parse(await readFile(join(fixture.skill, 'evals', 'results', results, 'tuning.json'), 'utf8')) as {
      winner: { description: string; changed: boolean };
    };
    assert.deepEqual(saved.winner, { description: winner, source: 'model', changed: true });
    assert.deepEqual(fixture.skillIds(), before, 'every temporary skill is gone');
  });

  it('with no candidate at all it says so and exits 1', async () => {
    await fixture.reset();
    const { code, stdout } = await run([fixture.skill, '--rounds', '0', '--runs', '1', '--model', 'm']);
    assert.equal(code, 1);
    assert.match(stdout, /No candidate could be measured: give one with --candidate/);
  });

  it('a case with nothing to grade exits 2 naming its file relative to the current folder', async () => {
    const folder = join(dirname(fixture.skill), 'ungradable');
    await mkdir(join(folder, 'evals'), { recursive: true });
    await writeFile(join(folder, 'SKILL.md'), '---\nname: ungradable\ndescription: Has a case with nothing to grade.\n---\n');
    const evalsFile = join(folder, 'evals', 'evals.json');
    await writeFile(evalsFile, '{"evals": [{"id": 7, "prompt": "Tidy it."}]}');
    const { code, stderr } = await run([folder, '--model', 'm']);
    assert.equal(code, 2);
    const shown = relative(process.cwd(), evalsFile).split(sep).join('/');
    assert.ok(stderr.startsWith(`skillsmith tune: ${shown} (evals[0]): eval 7 has nothing to grade`), stderr);
  });

  it('usage errors exit 2 with what to do', async () => {
    for (const [argv, message] of [
      [[], /Give one PATH/],
      [[fixture.skill, '--holdout', '1'], /--holdout must be a number from 0\.1 to 0\.9/],
      [[fixture.skill, '--rounds', '11'], /--rounds must be a whole number from 0 to 10/],
      [[fixture.skill, '--max-requests', '5', '--model', 'm'], /This tuning would send .* over the cap of 5/],
    ] as const) {
      const result = await run([...argv]);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
    }
    assert.deepEqual(
      (parseCommandArgs(TUNE_ARGS, [fixture.skill, '--candidate', 'a', '--candidate', 'b']) as { candidates: readonly string[] })
        .candidates,
      ['a', 'b'],
    );
  });
});
