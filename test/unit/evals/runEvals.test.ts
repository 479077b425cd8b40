import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseOutputEvals, parseTriggerEvals } from '../../../src/core/evals/evalFiles';
import { CostCapError } from '../../../src/core/evals/plan';
import { benchmarkJson, triggerResultsJson } from '../../../src/core/evals/reports';
import { runEvals, type EvalRunOptions } from '../../../src/core/evals/runEvals';
import { summariseCases, summariseConfigurations } from '../../../src/core/evals/summary';
import { writeResults } from '../../../src/core/evals/writeResults';
import { gaVersionId } from '../../../src/emulator/ids';
import { emulatorForSuite } from '../emulator/support';
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
        checks: [{ type: 'file_exists', name: 'emulator-report.md' }, { type: 'contains', value: 'csv-cleaner' }],
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
    assert.deepEqual(cases.map((item) => [item.caseKey, item.triggerRate, item.passed]), [
      ['trigger-0', 1, true],
      ['trigger-1', 0, true],
      ['trigger-2', 0, false],
      ['eval-1', 1, false],
    ]);
    const output = result.runs.find((run) => run.kind === 'output')!;
    assert.deepEqual(output.expectations.map((item) => [item.text, item.passed]), [
      ["The answer mentions 'emulator-report.md'", true],
      ["It mentions 'encoding detection'", false],
      ['A file named "emulator-report.md" was produced', true],
      ['The answer contains "csv-cleaner"', true],
    ]);
    const [summary] = summariseConfigurations(result.runs, shouldTrigger);
    assert.equal(summary?.triggerRate, 6 / 9);
    assert.equal(summary?.passRate.mean, 0.75);
    assert.equal(summary?.passRate.stddev, 0);
    assert.equal(result.estimate.requests, 3 * 3 + 3 * 2);
  });

  it('baselines: without the skill, and another version of it', async () => {
    const without = await runEvals(env.sdk, { triggers: TRIGGERS, outputs: OUTPUTS }, options({ runs: 1, baseline: { kind: 'without-skill' } }));
    const baseline = without.runs.filter((run) => run.configuration === 'without_skill');
    assert.deepEqual(baseline.map((run) => [run.kind, run.triggered]), [['output', false]], 'no trigger runs without the skill');
    assert.equal(baseline[0]?.expectations.find((item) => item.text.startsWith('The answer contains'))?.passed, false);
    const versions = skill().versions.map((version) => gaVersionId(version.key));
    const versus = await runEvals(env.sdk, { triggers: TRIGGERS.slice(0, 1), outputs: [] }, options({ runs: 1, baseline: { kind: 'version', version: versions[0]! } }));
    assert.deepEqual(versus.runs.map((run) => [run.configuration, run.passed]), [['with_skill', true], ['old_skill', true]]);
    assert.ok(versus.runs[0]?.transcript.includes(`version \`${versions.at(-1)}\``), 'the version under test is latest');
    assert.ok(versus.runs[1]?.transcript.includes(`version \`${versions[0]}\``), 'the baseline ran the older version');
  });

  it('refuses a run over its cap before any request is sent', async () => {
    let requests = 0;
    const stop = env.emulator.admin.onRequest(() => requests++);
    try {
      await assert.rejects(runEvals(env.sdk, { triggers: TRIGGERS, outputs: OUTPUTS }, options({ maxRequests: 10 })), (error: unknown) => error instanceof CostCapError && /15 requests .* over the cap of 10/.test(error.message));
    } finally {
      stop();
    }
    assert.equal(requests, 0);
  });

  it('a request that fails is a failed run with its error; the other runs go on', async () => {
    env.emulator.admin.injectFault({ path: '/v1/messages', status: 500, times: 1 });
    const result = await runEvals(env.sdk, { triggers: TRIGGERS.slice(0, 1), outputs: [] }, options({ concurrency: 1 }));
    assert.deepEqual(result.runs.map((run) => run.passed), [false, true, true]);
    assert.match(result.runs[0]?.error ?? '', /server|500|error/i);
  });

  it("writes grading.json per output run, benchmark.json and trigger results in skill-creator's layout, git-ignored", async () => {
    const result = await runEvals(env.sdk, { triggers: TRIGGERS, outputs: OUTPUTS }, options({ runs: 2, baseline: { kind: 'without-skill' } }));
    const dir = await mkdtemp(path.join(tmpdir(), 'skillsmith-evals-'));
    try {
      const meta = { skillName: 'csv-cleaner', skillPath: '/x', executorModel: 'm', graderModel: 'g', timestamp: '2026-12-01T10:00:00.000Z', runsPerConfiguration: 2 };
      const files = { runs: result.runs, benchmark: benchmarkJson(meta, OUTPUTS, result.runs, summariseConfigurations(result.runs, shouldTrigger)), triggerResults: triggerResultsJson('csv-cleaner', 'd', TRIGGERS, result.runs) };
      const folder = await writeResults(dir, meta.timestamp, files);
      const again = await writeResults(dir, meta.timestamp, files);
      assert.equal(path.basename(folder), '2026-12-01T10-00-00-000Z');
      assert.equal(path.basename(again), '2026-12-01T10-00-00-000Z-2', 'an earlier run is never overwritten');
      assert.equal(await readFile(path.join(dir, '.gitignore'), 'utf8'), '# Skillsmith eval results\n*\n');
      assert.deepEqual((await readdir(folder)).sort(), ['benchmark.json', 'eval-1', 'trigger-results.json']);
      assert.deepEqual((await readdir(path.join(folder, 'eval-1'))).sort(), ['with_skill', 'without_skill']);
      const grading = JSON.parse(await readFile(path.join(folder, 'eval-1', 'with_skill', 'run-2', 'grading.json'), 'utf8')) as { summary: { pass_rate: number } };
      assert.equal(grading.summary.pass_rate, 0.75);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
