/** Aggregation of runs: per case (its rate over N runs) and per configuration (rates with their spread). */
import { countOf, formatCount } from '../text/count';
import type { Configuration } from './plan';
import type { CaseRun } from './runEvals';
import { statsOf, type Stats } from './stats';

/**
 * What a case's runs say: `passed` and `failed` are verdicts; `errored` means some run did not complete (an API
 * error, a grader or check that gave no verdict, the request cap), so there is no verdict to trust.
 */
export type CaseVerdict = 'passed' | 'failed' | 'errored';

/** A case over its runs in one configuration. */
export interface CaseSummary {
  readonly kind: 'trigger' | 'output';
  readonly caseKey: string;
  readonly configuration: Configuration;
  readonly runs: number;
  /** Runs that completed (the rates count only these). */
  readonly completed: number;
  /** Runs that passed. */
  readonly passes: number;
  /** Completed runs in which the skill was used. */
  readonly triggers: number;
  /** Trigger cases: completed runs in which the skill was used, over completed runs (NaN when none completed). */
  readonly triggerRate: number;
  /** Output cases: the mean share of expectations met per completed run; trigger cases: passes over completed runs. */
  readonly passRate: number;
  /**
   * skill-creator's rule on the completed runs: a trigger case passes when its trigger rate is on the expected side
   * of 0.5, an output case when most runs pass; `errored` when any run did not complete.
   */
  readonly verdict: CaseVerdict;
  /** `verdict === 'passed'`. */
  readonly passed: boolean;
}

/** A configuration over all its runs. */
export interface ConfigurationSummary {
  readonly configuration: Configuration;
  /** Completed trigger runs whose use of the skill was as expected, over completed trigger runs (NaN without any). */
  readonly triggerRate: number;
  /** Of the runs that should trigger, the share that did (recall), and of the runs that triggered, the share that should (precision). */
  readonly triggerRecall: number;
  readonly triggerPrecision: number;
  /** Output runs' pass rates (share of expectations met): mean, spread, range. */
  readonly passRate: Stats;
  readonly timeSeconds: Stats;
  readonly tokens: Stats;
  /** Completed runs of each kind (the rates count only these). */
  readonly outputRuns: number;
  readonly triggerRuns: number;
  /** Runs that did not complete. */
  readonly erroredRuns: number;
}

/** The per-case summaries, in order of first appearance. */
export function summariseCases(runs: readonly CaseRun[], shouldTrigger: (caseKey: string) => boolean): CaseSummary[] {
  const groups = new Map<string, CaseRun[]>();
  for (const run of runs) {
    const key = `${run.configuration}\u0000${run.caseKey}`;
    const group = groups.get(key);
    if (group) group.push(run);
    else groups.set(key, [run]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const done = group.filter(completed);
    const passes = done.filter((run) => run.passed).length;
    const triggers = done.filter((run) => run.triggered).length;
    const triggerRate = ratio(triggers, done.length);
    const base = {
      caseKey: first.caseKey,
      configuration: first.configuration,
      runs: group.length,
      completed: done.length,
      passes,
      triggers,
      triggerRate,
    };
    const verdictOf = (passed: boolean): Pick<CaseSummary, 'verdict' | 'passed'> => {
      const verdict: CaseVerdict = done.length < group.length ? 'errored' : passed ? 'passed' : 'failed';
      return { verdict, passed: verdict === 'passed' };
    };
    if (first.kind === 'trigger') {
      const expected = shouldTrigger(first.caseKey);
      return {
        kind: 'trigger',
        ...base,
        passRate: ratio(passes, done.length),
        ...verdictOf(expected ? triggerRate >= 0.5 : triggerRate < 0.5),
      };
    }
    const passRate = done.length === 0 ? Number.NaN : statsOf(done.map(runPassRate)).mean;
    return { kind: 'output', ...base, passRate, ...verdictOf(passes * 2 > done.length) };
  });
}

/** A case's rate in words: "2/3 triggered" or "1/3 runs passed" over completed runs, and how many runs did not complete. */
export function caseRateText(summary: CaseSummary): string {
  if (summary.completed === 0)
    return summary.runs === 1 ? 'the run did not complete' : `none of ${formatCount(summary.runs)} runs completed`;
  const of = formatCount(summary.completed);
  const rate =
    summary.kind === 'trigger'
      ? `${formatCount(summary.triggers)}/${of} triggered`
      : `${formatCount(summary.passes)}/${of} ${summary.completed === 1 ? 'run' : 'runs'} passed`;
  const missing = summary.runs - summary.completed;
  return missing === 0 ? rate : `${rate}; ${countOf(missing, 'run')} did not complete`;
}

/** The summary of each configuration present, `with_skill` first. */
export function summariseConfigurations(runs: readonly CaseRun[], shouldTrigger: (caseKey: string) => boolean): ConfigurationSummary[] {
  const order: Configuration[] = ['with_skill', 'without_skill', 'old_skill'];
  return order.flatMap((configuration) => {
    const all = runs.filter((run) => run.configuration === configuration);
    if (all.length === 0) return [];
    const mine = all.filter(completed);
    const triggers = mine.filter((run) => run.kind === 'trigger');
    const outputs = mine.filter((run) => run.kind === 'output');
    const should = triggers.filter((run) => shouldTrigger(run.caseKey));
    const fired = triggers.filter((run) => run.triggered);
    return [
      {
        configuration,
        triggerRate: ratio(triggers.filter((run) => run.triggered === shouldTrigger(run.caseKey)).length, triggers.length),
        triggerRecall: ratio(should.filter((run) => run.triggered).length, should.length),
        triggerPrecision: ratio(fired.filter((run) => shouldTrigger(run.caseKey)).length, fired.length),
        passRate: statsOf(outputs.map(runPassRate)),
        timeSeconds: statsOf(outputs.map((run) => run.timeSeconds)),
        tokens: statsOf(outputs.map((run) => run.tokens)),
        outputRuns: outputs.length,
        triggerRuns: triggers.length,
        erroredRuns: all.length - mine.length,
      },
    ];
  });
}

/** The share of a run's expectations met; NaN for a run that did not complete or had nothing to grade (no verdict). */
export function runPassRate(run: CaseRun): number {
  if (run.error !== null || run.expectations.length === 0) return Number.NaN;
  return run.expectations.filter((item) => item.passed).length / run.expectations.length;
}

/** Whether a run completed with a verdict: no error, and for an output run something graded. */
export function completed(run: CaseRun): boolean {
  return run.error === null && (run.kind === 'trigger' || run.expectations.length > 0);
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}
