import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateCost, planJobs } from '../../../src/core/evals/plan';
import { benchmarkJson, gradingJson, triggerResultsJson } from '../../../src/core/evals/reports';
import type { CaseRun } from '../../../src/core/evals/runEvals';
import { signed, statsOf } from '../../../src/core/evals/stats';
import { caseRateText, summariseCases, summariseConfigurations } from '../../../src/core/evals/summary';
import type { OutputEvalCase, TriggerEvalCase } from '../../../src/core/evals/types';

const trigger = (caseKey: string, runNumber: number, triggered: boolean, passed: boolean): CaseRun => ({
  kind: 'trigger',
  caseKey,
  configuration: 'with_skill',
  runNumber,
  passed,
  triggered,
  expectations: [],
  tokens: 10,
  toolCalls: 1,
  timeSeconds: 1,
  error: null,
  transcript: '',
});
const output = (configuration: CaseRun['configuration'], runNumber: number, met: boolean[], extra: Partial<CaseRun> = {}): CaseRun => ({
  kind: 'output',
  caseKey: 'eval-1',
  configuration,
  runNumber,
  passed: met.every(Boolean),
  triggered: true,
  expectations: met.map((passed, i) => ({ text: `E${i}`, passed, evidence: '' })),
  tokens: 100 * runNumber,
  toolCalls: 2,
  timeSeconds: runNumber,
  error: null,
  transcript: 't',
  ...extra,
});
const shouldTrigger = (key: string): boolean => key === 'trigger-0';

describe('aggregation', () => {
  it("statistics as skill-creator's aggregate_benchmark computes them: sample stddev, four decimals", () => {
    assert.deepEqual(statsOf([1, 0.5, 0]), { mean: 0.5, stddev: 0.5, min: 0, max: 1 });
    assert.deepEqual(statsOf([2 / 3]), { mean: 0.6667, stddev: 0, min: 0.6667, max: 0.6667 });
    assert.deepEqual(statsOf([]), { mean: 0, stddev: 0, min: 0, max: 0 });
    assert.deepEqual([signed(0.5, 2), signed(-13, 1), signed(1700, 0), signed(-0.001, 2)], ['+0.50', '-13.0', '+1700', '+0.00']);
  });

  it('trigger rate per case over its runs, passing on the expected side of 0.5; precision and recall overall', () => {
    const runs = [
      trigger('trigger-0', 1, true, true),
      trigger('trigger-0', 2, true, true),
      trigger('trigger-0', 3, false, false),
      trigger('trigger-1', 1, true, false),
      trigger('trigger-1', 2, false, true),
      trigger('trigger-1', 3, false, true),
    ];
    const cases = summariseCases(runs, shouldTrigger);
    assert.deepEqual(
      cases.map((item) => [item.caseKey, Math.round(item.triggerRate * 100), item.passes, item.passed]),
      [
        ['trigger-0', 67, 2, true],
        ['trigger-1', 33, 2, true],
      ],
    );
    const [summary] = summariseConfigurations(runs, shouldTrigger);
    assert.equal(summary?.triggerRate, 4 / 6);
    assert.equal(summary?.triggerRecall, 2 / 3);
    assert.equal(summary?.triggerPrecision, 2 / 3);
    assert.equal(summary?.outputRuns, 0);
  });

  it('pass rate per run is the share of expectations met; a run that did not complete is left out of the rates and errs its case', () => {
    const runs = [
      output('with_skill', 1, [true, true]),
      output('with_skill', 2, [true, false]),
      output('with_skill', 3, [true, true], { error: 'overloaded' }),
      output('without_skill', 1, [false, false]),
    ];
    const [withSkill, without] = summariseConfigurations(runs, shouldTrigger);
    assert.deepEqual(withSkill?.passRate, { mean: 0.75, stddev: 0.3536, min: 0.5, max: 1 });
    assert.equal(withSkill?.erroredRuns, 1);
    assert.equal(without?.passRate.mean, 0);
    assert.ok(Number.isNaN(withSkill?.triggerRate ?? 0), 'no trigger runs: no trigger rate');
    const [errored] = summariseCases(runs, shouldTrigger);
    assert.deepEqual([errored?.verdict, errored?.passed, errored?.completed, errored?.passRate], ['errored', false, 2, 0.75]);
    assert.equal(caseRateText(errored), '1/2 runs passed; 1 run did not complete');
  });

  it('a case whose runs all errored has no verdict: never a pass, whatever it expected (should_trigger false included)', () => {
    const failed = (caseKey: string, runNumber: number): CaseRun => ({
      ...trigger(caseKey, runNumber, false, false),
      error: 'Invalid API key',
    });
    const runs = [failed('trigger-0', 1), failed('trigger-0', 2), failed('trigger-1', 1), failed('trigger-1', 2)];
    const cases = summariseCases(runs, shouldTrigger);
    assert.deepEqual(
      cases.map((item) => [item.caseKey, item.verdict, item.passed, item.completed]),
      [
        ['trigger-0', 'errored', false, 0],
        ['trigger-1', 'errored', false, 0],
      ],
    );
    assert.equal(caseRateText(cases[1]), 'none of 2 runs completed');
    const [summary] = summariseConfigurations(runs, shouldTrigger);
    assert.ok(Number.isNaN(summary?.triggerRate ?? 0), 'no completed trigger run: no rate, not 0 % and not 100 %');
    assert.equal(summary?.erroredRuns, 4);
    const nothingGraded = summariseCases([output('with_skill', 1, [])], shouldTrigger)[0];
    assert.equal(nothingGraded?.verdict, 'errored', 'a run with nothing graded is not a pass');
  });

  it("writes skill-creator's grading.json, benchmark.json and trigger result shapes", () => {
    const evalCase: OutputEvalCase = {
      id: 1,
      prompt: 'Fill the form',
      expectedOutput: 'A filled form',
      files: [],
      expectations: ['E0', 'E1'],
      checks: [],
      line: 0,
    };
    const runs = [
      output('with_skill', 1, [true, false]),
      output('with_skill', 2, [true, true]),
      output('without_skill', 1, [false, false]),
    ];
    assert.deepEqual(gradingJson(runs[0]), {
      expectations: [
        { text: 'E0', passed: true, evidence: '' },
        { text: 'E1', passed: false, evidence: '' },
      ],
      summary: { passed: 1, failed: 1, total: 2, pass_rate: 0.5 },
      execution_metrics: { total_tool_calls: 2, errors_encountered: 0, transcript_chars: 1 },
      timing: { total_duration_seconds: 1 },
    });
    const meta = {
      skillName: 'pdf-tools',
      skillPath: '/s',
      executorModel: 'm',
      graderModel: 'g',
      timestamp: '2026-12-01T10:00:00Z',
      runsPerConfiguration: 2,
    };
    const benchmark = benchmarkJson(meta, [evalCase], runs, summariseConfigurations(runs, shouldTrigger)) as {
      metadata: { evals_run: number[] };
      runs: unknown[];
      run_summary: Record<string, unknown>;
    };
    assert.deepEqual(benchmark.metadata.evals_run, [1]);
    assert.deepEqual(benchmark.runs[0], {
      eval_id: 1,
      eval_name: 'A filled form',
      configuration: 'with_skill',
      run_number: 1,
      result: { pass_rate: 0.5, passed: 1, failed: 1, total: 2, time_seconds: 1, tokens: 100, tool_calls: 2, errors: 0 },
      expectations: [
        { text: 'E0', passed: true, evidence: '' },
        { text: 'E1', passed: false, evidence: '' },
      ],
      notes: [],
    });
    assert.deepEqual(Object.keys(benchmark.run_summary), ['with_skill', 'without_skill', 'delta']);
    assert.deepEqual(benchmark.run_summary['delta'], { pass_rate: '+0.75', time_seconds: '+0.5', tokens: '+50' });
    const triggers: TriggerEvalCase[] = [{ index: 0, query: 'q', shouldTrigger: true, line: 0 }];
    assert.deepEqual(
      triggerResultsJson('pdf-tools', 'd', triggers, [trigger('trigger-0', 1, true, true), trigger('trigger-0', 2, false, false)]),
      {
        skill_name: 'pdf-tools',
        description: 'd',
        results: [{ query: 'q', should_trigger: true, trigger_rate: 0.5, triggers: 1, runs: 2, errors: 0, pass: true }],
        summary: { total: 1, passed: 1, failed: 0 },
      },
    );
  });

  it('plans each case N times per configuration (no trigger runs without the skill) and estimates its cost', () => {
    const cases = {
      triggers: [{ index: 0, query: 'abcd'.repeat(10), shouldTrigger: true, line: 0 }],
      outputs: [{ id: 1, prompt: 'p', expectedOutput: '', files: [], expectations: ['E'], checks: [], line: 0 }],
    };
    assert.equal(planJobs(cases, 3, { kind: 'none' }).length, 6);
    assert.equal(planJobs(cases, 3, { kind: 'without-skill' }).length, 9);
    assert.equal(planJobs(cases, 2, { kind: 'version', version: 'v1' }).filter((job) => job.configuration === 'old_skill').length, 4);
    const estimate = estimateCost(planJobs(cases, 1, { kind: 'none' }), 1000, 4096, 3);
    assert.equal(estimate.requests, 3, 'the trigger request, the output request and its grader');
    assert.equal(estimate.worstCaseRequests, 4 + 4 + 1, 'each run may continue 3 times after pause_turn; the grader does not');
    assert.equal(estimate.outputTokens, 1000 + 1000 + 4096, 'the planned requests, each at its max_tokens');
    assert.equal(estimate.maxOutputTokens, 4 * 1000 + 4 * 1000 + 4096);
    assert.ok(estimate.inputTokens > 10 + 1);
    assert.equal(estimate.cacheReadTokens, 1_500, 'the second case request reads the tools and skills the first wrote to the cache');
    const twoConfigurations = estimateCost(planJobs(cases, 2, { kind: 'without-skill' }), 1000, 4096, 3);
    assert.equal(twoConfigurations.cacheReadTokens, 1_500 * (3 + 1), 'each configuration writes its own prefix once');
    assert.ok(twoConfigurations.cacheReadTokens < twoConfigurations.inputTokens);
  });
});
