import Anthropic from '@anthropic-ai/sdk';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseOutputEvals, parseTriggerEvals } from '../../../src/core/evals/evalFiles';
import { DEFAULT_MAX_TOKENS } from '../../../src/core/chat/defaultModel';
import { GRADER_MAX_TOKENS } from '../../../src/core/evals/grader';
import { CostCapError } from '../../../src/core/evals/plan';
import { benchmarkJson, triggerResultsJson } from '../../../src/core/evals/reports';
import { runEvals, type EvalRunOptions } from '../../../src/core/evals/runEvals';
import { summariseCases, summariseConfigurations } from '../../../src/core/evals/summary';
import { writeResults } from '../../../src/core/evals/writeResults';
import { gaVersionId } from '../../../src/emulator/ids';
import { emulatorForSuite, TEST_KEY } from '../emulator/support';
import { seededRunOptions } from './seededRunOptions';

const TRIGGERS = parseTriggerEvals(
  JSON.stringify([
    { query: 'Fix the messy headers in this CSV', should_trigger: true },
    { query: 'What is the capital of France?', should_trigger: false },
    { query: 'Tidy up my spreadsheet columns', should_trigger: true },
  ]),
  'trigger-evals.json',
);
const OUTPUTS = parseOutputEvals(
  JSON.stringify({
    skill_name: 'csv-cleaner',
    evals: [
      {
        id: 1,
        prompt: 'Clean the messy CSV headers and create a report file',
        expected_output: 'A report',
        expectations: ["The answer mentions 'emulator-report.md'", "It mentions 'encoding detection'"],
        checks: [
          { type: 'file_exists', name: 'emulator-report.md' },
          { type: 'contains', value: 'csv-cleaner' },
        ],
      },
    ],
  }),
  'evals.json',
).evals;

describe('runEvals through the SDK against the emulator', () => {
  const env = emulatorForSuite({ seed: true });
  const skill = () => env.emulator.admin.store.list('custom').find((candidate) => candidate.name === 'csv-cleaner')!;
  const options = (extra: Partial<EvalRunOptions> = {}): EvalRunOptions => seededRunOptions(env, { concurrency: 4, ...extra });
  const shouldTrigger = (key: string): boolean => TRIGGERS.find((item) => `trigger-${item.index}` === key)?.shouldTrigger ?? false;

  it('trigger cases pass or fail from what the model did; output cases are graded and checked; rates per case', async () => {
    const result = await runEvals(env.sdk, { triggers: TRIGGERS, outputs: OUTPUTS }, options());
    assert.equal(result.runs.length, 12);
    assert.equal(result.cancelled, false);
    const cases = summariseCases(result.runs, shouldTrigger);
    assert.deepEqual(
      cases.map((item) => [item.caseKey, item.triggerRate, item.passed]),
      [
        ['trigger-0', 1, true],
        ['trigger-1', 0, true],
        ['trigger-2', 0, false],
        ['eval-1', 1, false],
      ],
    );
    const output = result.runs.find((run) => run.kind === 'output')!;
    assert.deepEqual(
      output.expectations.map((item) => [item.text, item.passed]),
      [
        ["The answer mentions 'emulator-report.md'", true],
        ["It mentions 'encoding detection'", false],
        ['A file named "emulator-report.md" was produced', true],
        ['The answer contains "csv-cleaner"', true],
      ],
    );
    const [summary] = summariseConfigurations(result.runs, shouldTrigger);
    assert.equal(summary?.triggerRate, 6 / 9);
    assert.equal(summary?.passRate.mean, 0.75);
    assert.equal(summary?.passRate.stddev, 0);
    assert.equal(result.estimate.requests, 3 * 3 + 3 * 2);
  });

  it('baselines: without the skill, and another version of it', async () => {
    const without = await runEvals(
      env.sdk,
      { triggers: TRIGGERS, outputs: OUTPUTS },
      options({ runs: 1, baseline: { kind: 'without-skill' } }),
    );
    const baseline = without.runs.filter((run) => run.configuration === 'without_skill');
    assert.deepEqual(
      baseline.map((run) => [run.kind, run.triggered]),
      [['output', false]],
      'no trigger runs without the skill',
    );
    assert.equal(baseline[0]?.expectations.find((item) => item.text.startsWith('The answer contains'))?.passed, false);
    const versions = skill().versions.map((version) => gaVersionId(version.key));
    const versus = await runEvals(
      env.sdk,
      { triggers: TRIGGERS.slice(0, 1), outputs: [] },
      options({ runs: 1, baseline: { kind: 'version', version: versions[0] } }),
    );
    assert.deepEqual(
      versus.runs.map((run) => [run.configuration, run.passed]),
      [
        ['with_skill', true],
        ['old_skill', true],
      ],
    );
    assert.ok(versus.runs[0]?.transcript.includes(`version \`${versions.at(-1)}\``), 'the version under test is latest');
    assert.ok(versus.runs[1]?.transcript.includes(`version \`${versions[0]}\``), 'the baseline ran the older version');
  });

  it('refuses a run over its cap before any request is sent', async () => {
    let requests = 0;
    const stop = env.emulator.admin.onRequest(() => requests++);
    try {
      await assert.rejects(
        runEvals(env.sdk, { triggers: TRIGGERS, outputs: OUTPUTS }, options({ maxRequests: 10 })),
        (error: unknown) =>
          error instanceof CostCapError &&
          /15 requests \(about [\d,]+ input tokens and up to 61,440 output tokens; up to 51 requests and 208,896 output tokens with continuations\), over the cap of 10/.test(
            error.message,
          ),
      );
    } finally {
      stop();
    }
    assert.equal(requests, 0);
  });

  it('with every request refused (a wrong key) no case passes: each errs, should_trigger false included', async () => {
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 401, times: 4 });
    const result = await runEvals(env.sdk, { triggers: TRIGGERS.slice(0, 2), outputs: [] }, options({ runs: 2 }));
    assert.equal(result.runs.length, 4);
    assert.ok(result.runs.every((run) => run.error !== null && !run.passed));
    assert.deepEqual(
      summariseCases(result.runs, shouldTrigger).map((item) => [item.caseKey, item.verdict, item.completed]),
      [
        ['trigger-0', 'errored', 0],
        ['trigger-1', 'errored', 0],
      ],
    );
  });

  it('enforces the cap on requests sent, continuations included: the run stops there and says so', async () => {
    let sent = 0;
    const stop = env.emulator.admin.onRequest((request) => {
      if (request.method === 'POST' && request.path.startsWith('/v1/messages')) sent++;
    });
    const paused = parseTriggerEvals(
      JSON.stringify([{ query: 'pause x3 then fix the messy headers in this CSV', should_trigger: true }]),
      't.json',
    );
    try {
      const result = await runEvals(env.sdk, { triggers: paused, outputs: [] }, options({ runs: 3, concurrency: 1, maxRequests: 5 }));
      assert.equal(result.estimate.requests, 3);
      assert.equal(result.estimate.worstCaseRequests, 12, 'the estimate states the worst case');
      assert.equal(sent, 5, 'never more than the cap');
      assert.equal(result.requestsSent, 5);
      assert.equal(result.capReached, true);
      assert.deepEqual(
        result.runs.map((run) => run.error),
        [
          null,
          'The answer paused (pause_turn) and was not continued. Not sent: the run reached its cap of 5 requests.',
          'Not sent: the run reached its cap of 5 requests.',
        ],
      );
      assert.equal(summariseCases(result.runs, shouldTrigger)[0]?.verdict, 'errored');
    } finally {
      stop();
    }
  });

  it("the estimate is what the requests are sent with: each max_tokens, the continuations' and the graders' included", async () => {
    const sent: number[] = [];
    // The SDK's own fetch, watched: every Messages request's body as it leaves.
    const sdk = new Anthropic({
      apiKey: TEST_KEY,
      baseURL: env.emulator.url,
      maxRetries: 0,
      fetch: async (url: string | URL | Request, init?: RequestInit) => {
        const target = new URL(url instanceof Request ? url.url : url);
        if (target.pathname === '/v1/messages' && typeof init?.body === 'string')
          sent.push((JSON.parse(init.body) as { max_tokens: number }).max_tokens);
        return fetch(url, init);
      },
    });
    const run = async (pause: string) => {
      sent.length = 0;
      const cases = {
        triggers: parseTriggerEvals(JSON.stringify([{ query: `${pause}fix the messy headers in this CSV`, should_trigger: true }]), 't'),
        outputs: OUTPUTS.map((item) => ({ ...item, prompt: `${pause}${item.prompt}` })),
      };
      const result = await runEvals(sdk, cases, options({ runs: 2, maxTokens: DEFAULT_MAX_TOKENS }));
      assert.ok(
        result.runs.every((item) => item.error === null),
        result.runs.map((item) => item.error).join('; '),
      );
      return result.estimate;
    };
    const calm = await run('');
    assert.deepEqual(
      [sent.length, sent.reduce((sum, tokens) => sum + tokens, 0)],
      [calm.requests, calm.outputTokens],
      'no answer paused: the planned requests',
    );
    assert.deepEqual(new Set(sent), new Set([DEFAULT_MAX_TOKENS, GRADER_MAX_TOKENS]));
    const paused = await run('pause x3 then ');
    assert.deepEqual(
      [sent.length, sent.reduce((sum, tokens) => sum + tokens, 0)],
      [paused.worstCaseRequests, paused.maxOutputTokens],
      'every answer paused as often as it may be continued: the worst case',
    );
  });

  it('a grader that gives no verdict, and a check that runs away, err the run instead of failing or passing it', async () => {
    const [item] = parseOutputEvals(
      JSON.stringify({ evals: [{ id: 7, prompt: `Say ${'a'.repeat(40)}`, checks: [{ type: 'matches', pattern: '(a+)+b' }] }] }),
      'e.json',
    ).evals;
    const result = await runEvals(env.sdk, { triggers: [], outputs: [item] }, options({ runs: 1 }));
    assert.match(
      result.runs[0]?.error ?? '',
      /^The check "The answer matches \/\(a\+\)\+b\/" gave no verdict: The pattern ran longer than 500 ms/,
    );
    assert.equal(summariseCases(result.runs, shouldTrigger)[0]?.verdict, 'errored');
  });

  it('runs cut short by a cancel are left out, never reported as results', async () => {
    const controller = new AbortController();
    const stop = env.emulator.admin.onRequest((request) => {
      if (request.path.startsWith('/v1/messages')) controller.abort();
    });
    const reported: string[] = [];
    try {
      const result = await runEvals(
        env.sdk,
        { triggers: TRIGGERS, outputs: [] },
        options({ runs: 1, concurrency: 1, signal: controller.signal, onRun: (run) => reported.push(run.caseKey) }),
      );
      assert.equal(result.cancelled, true);
      assert.deepEqual(result.runs, []);
      assert.deepEqual(reported, []);
    } finally {
      stop();
    }
  });

  it('a request that fails is a failed run with its error; the other runs go on', async () => {
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 500, times: 1 });
    const result = await runEvals(env.sdk, { triggers: TRIGGERS.slice(0, 1), outputs: [] }, options({ concurrency: 1 }));
    assert.deepEqual(
      result.runs.map((run) => run.passed),
      [false, true, true],
    );
    assert.match(result.runs[0]?.error ?? '', /server|500|error/i);
  });

  it("writes no ignore file into a folder it did not make: the user's own .gitignore and a linked folder's target stay", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'skillsmith-evals-own-'));
    const target = await mkdtemp(path.join(tmpdir(), 'skillsmith-evals-target-'));
    try {
      await writeFile(path.join(dir, '.gitignore'), 'node_modules\n');
      const files = { runs: [], benchmark: {}, triggerResults: null };
      await writeResults(dir, '2026-12-01T10:00:00.000Z', files);
      assert.equal(await readFile(path.join(dir, '.gitignore'), 'utf8'), 'node_modules\n', '--out . at a repo root keeps its ignore rules');
      await symlink(target, path.join(dir, 'linked'));
      await writeResults(path.join(dir, 'linked'), '2026-12-01T10:00:00.000Z', files);
      assert.deepEqual(await readdir(target), ['2026-12-01T10-00-00-000Z'], 'nothing written through the link but the run itself');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(target, { recursive: true, force: true });
    }
  });

  it("writes grading.json per output run, benchmark.json and trigger results in skill-creator's layout, git-ignored", async () => {
    const result = await runEvals(
      env.sdk,
      { triggers: TRIGGERS, outputs: OUTPUTS },
      options({ runs: 2, baseline: { kind: 'without-skill' } }),
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'skillsmith-evals-'));
    try {
      const meta = {
        skillName: 'csv-cleaner',
        skillPath: '/x',
        executorModel: 'm',
        graderModel: 'g',
        timestamp: '2026-12-01T10:00:00.000Z',
        runsPerConfiguration: 2,
      };
      const files = {
        runs: result.runs,
        benchmark: benchmarkJson(meta, OUTPUTS, result.runs, summariseConfigurations(result.runs, shouldTrigger)),
        triggerResults: triggerResultsJson('csv-cleaner', 'd', TRIGGERS, result.runs),
      };
      const results = path.join(dir, 'evals', 'results');
      const folder = await writeResults(results, meta.timestamp, files);
      const again = await writeResults(results, meta.timestamp, files);
      assert.equal(path.basename(folder), '2026-12-01T10-00-00-000Z');
      assert.equal(path.basename(again), '2026-12-01T10-00-00-000Z-2', 'an earlier run is never overwritten');
      assert.equal(
        await readFile(path.join(results, '.gitignore'), 'utf8'),
        '# Skillsmith eval results\n*\n',
        'the folder it made is ignored',
      );
      assert.deepEqual((await readdir(folder)).sort(), ['benchmark.json', 'eval-1', 'trigger-results.json']);
      assert.deepEqual((await readdir(path.join(folder, 'eval-1'))).sort(), ['with_skill', 'without_skill']);
      const grading = JSON.parse(await readFile(path.join(folder, 'eval-1', 'with_skill', 'run-2', 'grading.json'), 'utf8')) as {
        summary: { pass_rate: number };
      };
      assert.equal(grading.summary.pass_rate, 0.75);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
