/**
 * Results in skill-creator's shapes, so its viewer and scripts read them: a `grading.json` per output run, a
 * `benchmark.json` per run of the evals, and the trigger results as its `run_eval.py` writes them.
 */
import type { CaseRun } from './runEvals';
import { signed } from './stats';
import { completed, runPassRate, summariseCases, type ConfigurationSummary } from './summary';
import type { OutputEvalCase, TriggerEvalCase } from './types';

/** What a benchmark is about. */
export interface BenchmarkMetadata {
  readonly skillName: string;
  readonly skillPath: string;
  readonly executorModel: string;
  readonly graderModel: string;
  readonly timestamp: string;
  readonly runsPerConfiguration: number;
}

/** skill-creator's `grading.json` of one output run. */
export function gradingJson(run: CaseRun): object {
  const passed = run.expectations.filter((item) => item.passed).length;
  return {
    expectations: run.expectations.map(({ text, passed: ok, evidence }) => ({ text, passed: ok, evidence })),
    summary: {
      passed,
      failed: run.expectations.length - passed,
      total: run.expectations.length,
      pass_rate: round2(completed(run) ? runPassRate(run) : 0),
    },
    execution_metrics: {
      total_tool_calls: run.toolCalls,
      errors_encountered: run.error === null ? 0 : 1,
      transcript_chars: run.transcript.length,
    },
    timing: { total_duration_seconds: round1(run.timeSeconds) },
  };
}

/** skill-creator's `benchmark.json` of the output runs, with `run_summary` per configuration and the delta of the first two. */
export function benchmarkJson(
  metadata: BenchmarkMetadata,
  cases: readonly OutputEvalCase[],
  runs: readonly CaseRun[],
  summaries: readonly ConfigurationSummary[],
): object {
  const outputs = runs.filter((run) => run.kind === 'output');
  const names = new Map(cases.map((item) => [`eval-${item.id}`, { id: item.id, name: evalName(item) }]));
  const runSummary: Record<string, object> = {};
  for (const summary of summaries) {
    if (summary.outputRuns > 0)
      runSummary[summary.configuration] = { pass_rate: summary.passRate, time_seconds: summary.timeSeconds, tokens: summary.tokens };
  }
  const [primary, baseline] = summaries.filter((summary) => summary.outputRuns > 0);
  if (primary) {
    runSummary['delta'] = {
      pass_rate: signed(primary.passRate.mean - (baseline?.passRate.mean ?? 0), 2),
      time_seconds: signed(primary.timeSeconds.mean - (baseline?.timeSeconds.mean ?? 0), 1),
      tokens: signed(primary.tokens.mean - (baseline?.tokens.mean ?? 0), 0),
    };
  }
  return {
    metadata: {
      skill_name: metadata.skillName,
      skill_path: metadata.skillPath,
      executor_model: metadata.executorModel,
      analyzer_model: metadata.graderModel,
      timestamp: metadata.timestamp,
      evals_run: cases.map((item) => item.id),
      runs_per_configuration: metadata.runsPerConfiguration,
    },
    runs: outputs.map((run) => {
      const passed = run.expectations.filter((item) => item.passed).length;
      return {
        eval_id: names.get(run.caseKey)?.id ?? 0,
        eval_name: names.get(run.caseKey)?.name ?? run.caseKey,
        configuration: run.configuration,
        run_number: run.runNumber,
        result: {
          pass_rate: round2(completed(run) ? runPassRate(run) : 0),
          passed,
          failed: run.expectations.length - passed,
          total: run.expectations.length,
          time_seconds: round1(run.timeSeconds),
          tokens: run.tokens,
          tool_calls: run.toolCalls,
          errors: run.error === null ? 0 : 1,
        },
        expectations: run.expectations.map(({ text, passed: ok, evidence }) => ({ text, passed: ok, evidence })),
        notes: run.error === null ? [] : [run.error],
      };
    }),
    run_summary: runSummary,
    notes: [],
  };
}

/** The trigger results as skill-creator's `run_eval.py` prints them, for the configuration under test. */
export function triggerResultsJson(
  skillName: string,
  description: string,
  cases: readonly TriggerEvalCase[],
  runs: readonly CaseRun[],
): object {
  const byKey = new Map(cases.map((item) => [`trigger-${item.index}`, item]));
  const summaries = summariseCases(
    runs.filter((run) => run.kind === 'trigger' && run.configuration === 'with_skill'),
    (key) => byKey.get(key)?.shouldTrigger ?? false,
  );
  const results = summaries.map((summary) => {
    const item = byKey.get(summary.caseKey);
    return {
      query: item?.query ?? '',
      should_trigger: item?.shouldTrigger ?? false,
      trigger_rate: Number.isFinite(summary.triggerRate) ? round2(summary.triggerRate) : 0,
      triggers: summary.triggers,
      runs: summary.completed,
      errors: summary.runs - summary.completed,
      pass: summary.passed,
    };
  });
  const passed = results.filter((result) => result.pass).length;
  return { skill_name: skillName, description, results, summary: { total: results.length, passed, failed: results.length - passed } };
}

/** A short name for an output case: its `expected_output` or prompt, cut to 60 characters. */
function evalName(item: OutputEvalCase): string {
  const text = (item.expectedOutput || item.prompt).replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
