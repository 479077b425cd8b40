import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toFile } from '@anthropic-ai/sdk';
import { parseCommandArgs } from '../../../src/cli/args';
import { EVAL_ARGS } from '../../../src/cli/evalArgs';
import { runEvalCommand, type EvalIo } from '../../../src/cli/evalCommand';
import { emulatorForSuite, TEST_KEY } from '../emulator/support';

const SKILL = join(__dirname, '..', '..', 'fixtures', 'evals', 'csv-cleaner');

/** `file` as the CLI names it: relative to the current folder, with forward slashes. */
const shown = (file: string): string => relative(process.cwd(), file).split(sep).join('/');

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: EvalIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    onInterrupt: () => () => {},
  };
  const code = await runEvalCommand(argv, io);
  return { code, stdout, stderr };
}

describe('skillsmith eval', () => {
  const env = emulatorForSuite({ seed: true });
  const vars = (): NodeJS.ProcessEnv => ({ ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: env.emulator.url });
  const skillId = (): string => env.emulator.admin.store.list('custom').find((skill) => skill.name === 'csv-cleaner')?.id ?? '';
  let out: string;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'skillsmith-eval-cli-'));
  });
  after(() => rm(out, { recursive: true, force: true }));

  it('runs both eval files of a skill folder, prints each case and the rates, writes results, exit 0', async () => {
    const { code, stdout, stderr } = await run(
      [SKILL, '--skill-id', skillId(), '--runs', '2', '--out', out, '--model', 'claude-sonnet-5-5'],
      vars(),
    );
    assert.equal(code, 0, stderr);
    assert.match(
      stderr,
      /^skillsmith eval: 16 requests, up to 52 if every run continues after pause_turn \(cap 1,000\); about [\d,]+ input tokens \([\d,]+ of them from the prompt cache, at a tenth of the price\) and up to \d{1,3}(,\d{3})* output tokens, \d{1,3}(,\d{3})* if every run continues \(4 trigger cases and 2 output cases, 2 runs each\)\.\n$/,
    );
    assert.match(stdout, /✓ \[with_skill\] should trigger: Fix the messy headers in this CSV — 2\/2 triggered/);
    assert.match(stdout, /✗ \[with_skill\] should trigger: Tidy up my spreadsheet columns — 0\/2 triggered/);
    assert.match(stdout, /✓ \[with_skill\] eval 1: .* — pass rate 100%, 2\/2 runs passed/);
    assert.match(
      stdout,
      /✗ \[with_skill\] eval 2: .* — pass rate 0%, 0\/2 runs passed\n {4}✗ It mentions 'UTF-8' — The transcript does not contain "utf-8"\./,
    );
    assert.match(stdout, /with_skill: trigger rate 75% \(precision 100%, recall 67%\); pass rate 50% ± 58%, tokens \d+ per run\n/);
    const [folder] = await readdir(out).then((names) => names.filter((name) => name !== '.gitignore'));
    assert.deepEqual((await readdir(join(out, folder))).sort(), ['benchmark.json', 'eval-1', 'eval-2', 'trigger-results.json']);
  });

  it("uploads an output case's files from the skill folder and attaches them to its prompt", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'skillsmith-eval-files-'));
    try {
      await mkdir(join(folder, 'evals', 'files'), { recursive: true });
      await writeFile(join(folder, 'SKILL.md'), '---\nname: csv-cleaner\ndescription: Cleans and normalises CSV files.\n---\n');
      await writeFile(join(folder, 'evals', 'files', 'data.csv'), 'a,b\n');
      await writeFile(
        join(folder, 'evals', 'evals.json'),
        JSON.stringify({
          evals: [{ id: 1, prompt: 'Clean my CSV', files: ['evals/files/data.csv'], checks: [{ type: 'contains', value: 'data.csv' }] }],
        }),
      );
      const { code, stdout, stderr } = await run([folder, '--skill-id', skillId(), '--runs', '1', '--out', out], vars());
      assert.equal(code, 0, stderr);
      assert.match(stdout, /✓ \[with_skill\] eval 1: .* — pass rate 100%, 1\/1 run passed/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('exit 1 when a threshold is not met; --format junit and json', async () => {
    /** One run a case of an eval file of the fixture against its published skill, with `extra` arguments. */
    const runFile = (file: string, ...extra: string[]) =>
      run([join(SKILL, 'evals', file), '--skill-id', skillId(), '--runs', '1', '--out', out, ...extra], vars());
    const junit = await runFile('trigger-evals.json', '--format', 'junit', '--min-trigger-rate', '0.9');
    assert.equal(junit.code, 1);
    assert.match(
      junit.stdout,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites>\n {2}<testsuite name="skill evals: csv-cleaner" tests="4" failures="1" errors="0">/,
    );
    assert.match(junit.stdout, /<failure message="triggered 0 of 1 run">User: Tidy up my spreadsheet columns/);
    const json = await runFile('evals.json', '--format', 'json', '--min-pass-rate', '0.5');
    assert.equal(json.code, 0);
    const report = JSON.parse(json.stdout) as {
      cases: { caseKey: string; passed: boolean }[];
      configurations: { triggerRate: number | null }[];
      unmet: string[];
    };
    assert.deepEqual(
      report.cases.map((item) => [item.caseKey, item.passed]),
      [
        ['eval-1', true],
        ['eval-2', false],
      ],
    );
    assert.equal(report.configurations[0]?.triggerRate, null);
    const unmet = await runFile('evals.json', '--min-pass-rate', '0.6', '--min-trigger-rate', '0.5');
    assert.equal(unmet.code, 1);
    assert.match(
      unmet.stdout,
      /Threshold not met: trigger rate n\/a \(no trigger cases\) < 0\.5\nThreshold not met: pass rate 0\.50 < 0\.6\n$/,
    );
  });

  it('finds the published skill by its name, and says when none or several have it', async () => {
    const none = await run([SKILL, '--out', out], vars());
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no custom skill is named csv-cleaner; publish it first or pass --skill-id/);
    const upload = async (): Promise<string> =>
      (
        await env.sdk.skills.create({
          files: [
            await toFile(
              Buffer.from('---\nname: csv-cleaner\ndescription: Cleans and normalises CSV files.\n---\n'),
              'csv-cleaner/SKILL.md',
            ),
          ],
        })
      ).id;
    const first = await upload();
    const found = await run([join(SKILL, 'evals', 'trigger-evals.json'), '--runs', '1', '--out', out, '--format', 'json'], vars());
    assert.equal(found.code, 0, found.stderr);
    await upload();
    const several = await run([SKILL, '--out', out], vars());
    assert.equal(several.code, 2);
    assert.match(several.stderr, new RegExp(`2 custom skills are named csv-cleaner \\(.*${first}.*\\); pass --skill-id`));
  });

  it('usage errors, a bad eval file and a run over the cap exit 2 with what to do', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Give one PATH/],
      [[SKILL, '--runs', '0'], /--runs must be a whole number from 1 to 100, not '0'/],
      [[SKILL, '--min-pass-rate', '1.5'], /--min-pass-rate must be a number from 0 to 1/],
      [[SKILL, '--format', 'xml'], /Unknown format 'xml'/],
      [['/nowhere/at/all'], new RegExp(`eval: ${shown('/nowhere/at/all').replace(/[./]/g, '\\$&')}: does not exist; give a skill folder`)],
      [
        [join(SKILL, 'SKILL.md')],
        /eval: test\/fixtures\/evals\/csv-cleaner\/SKILL\.md: Not valid JSON at 1:2 \(line 1, column 2\): no number after minus sign\./,
      ],
      [
        [SKILL, '--skill-id', 'skill_x', '--max-requests', '5'],
        /would send 24 requests \(about [\d,]+ input tokens and up to [\d,]+ output tokens; up to 78 requests and [\d,]+ output tokens with continuations\), over the cap of 5/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, vars());
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal((await run([SKILL], {})).code, 2);
    const parsed = (args: string[]): unknown => parseCommandArgs(EVAL_ARGS, args);
    assert.deepEqual(parsed([SKILL, '--baseline', 'skver_1']), {
      ...(parsed([SKILL]) as object),
      baseline: { kind: 'version', version: 'skver_1' },
    });
  });

  it('names a broken eval file and a case with nothing to grade relative to the current folder, never absolute', async () => {
    const folder = join(out, 'relative-paths');
    await mkdir(join(folder, 'evals'), { recursive: true });
    await writeFile(join(folder, 'SKILL.md'), '---\nname: relative-paths\ndescription: Names files as the user reads them.\n---\n');
    const evalsFile = join(folder, 'evals', 'evals.json');
    for (const [text, problem] of [
      ['{"evals": [', /: Not valid JSON/],
      ['{"evals": [{"id": 1, "prompt": "Tidy it."}]}', / \(evals\[0\]\): eval 1 has nothing to grade: add expectations/],
    ] as const) {
      await writeFile(evalsFile, text);
      for (const target of [folder, evalsFile]) {
        const { code, stderr } = await run([target, '--skill-id', 'skill_x'], vars());
        assert.equal(code, 2, text);
        assert.ok(stderr.startsWith(`skillsmith eval: ${shown(evalsFile)}`), stderr);
        assert.match(stderr, problem);
      }
    }
  });

  it('every request refused (a wrong key): each case errs, with <error> in JUnit and exit 1, though nothing failed', async () => {
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 401, times: 8 });
    const { code, stdout, stderr } = await run(
      [join(SKILL, 'evals', 'trigger-evals.json'), '--skill-id', skillId(), '--runs', '2', '--out', out, '--format', 'junit'],
      vars(),
    );
    assert.equal(code, 1);
    assert.match(stdout, /tests="4" failures="0" errors="4">/);
    assert.doesNotMatch(stdout, /<testcase [^>]*><\/testcase>/, 'no case passes');
    assert.match(stdout, /<error message="none of 2 runs completed: [^"]+">/);
    assert.match(stderr, /4 cases errored: some runs did not complete, so they have no verdict\./);
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 401, times: 8 });
    const text = await run([join(SKILL, 'evals', 'trigger-evals.json'), '--skill-id', skillId(), '--runs', '2', '--out', out], vars());
    assert.match(text.stdout, /^! \[with_skill\] should not trigger: .* — none of 2 runs completed\n {4}run \d: /m);
    assert.match(text.stdout, /with_skill: 8 runs did not complete and are not counted\n/);
  });

  it('stops at --max-requests counting what is sent, says so and exits 1', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'skillsmith-eval-cap-'));
    try {
      await mkdir(join(folder, 'evals'));
      await writeFile(join(folder, 'SKILL.md'), '---\nname: csv-cleaner\ndescription: Cleans and normalises CSV files.\n---\n');
      await writeFile(
        join(folder, 'evals', 'trigger-evals.json'),
        JSON.stringify([{ query: 'pause x3 and clean the messy CSV headers', should_trigger: true }]),
      );
      const { code, stdout, stderr } = await run(
        [folder, '--skill-id', skillId(), '--runs', '2', '--concurrency', '1', '--max-requests', '3', '--out', out],
        vars(),
      );
      assert.equal(code, 1);
      assert.match(stderr, /^skillsmith eval: 2 requests, up to 8 if every run continues after pause_turn \(cap 3\)/);
      assert.match(stderr, /stopped at the cap of 3 requests \(--max-requests\)/);
      assert.match(stdout, /Stopped at the cap of 3 requests\./);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a skills list that never ends is read for a bounded number of pages', async () => {
    let pages = 0;
    const server = createServer((_request, response) => {
      pages++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          data: [
            {
              id: `skill_${pages}`,
              type: 'skill',
              display_name: 'other',
              source: 'custom',
              latest_version: '1',
              created_at: '2026-01-01T00:00:00Z',
              updated_at: '2026-01-01T00:00:00Z',
            },
          ],
          has_more: true,
          next_page: `page_${pages}`,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await run([SKILL, '--out', out, '--model', 'm'], {
        ANTHROPIC_API_KEY: TEST_KEY,
        ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`,
      });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /the skills list did not end after 100 pages; pass --skill-id/);
      assert.equal(pages, 100);
    } finally {
      server.close();
    }
  });
});
