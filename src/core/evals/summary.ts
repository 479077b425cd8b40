/** Aggregation of runs: per case (its rate over N runs) and per configuration (rates with their spread). */
import type { Configuration } from './plan';
import type { CaseRun } from './runEvals';
import { statsOf, type Stats } from './stats';

/** A case over its runs in one configuration. */
export interface CaseSummary {
  readonly kind: 'trigger' | 'output';
  readonly caseKey: string;
  readonly configuration: Configuration;
  readonly runs: number;
  /** Runs that passed. */
  readonly passes: number;
  /** Trigger cases: runs in which the skill was used, over runs. */
  readonly triggerRate: number;
  /** Output cases: the mean share of expectations met per run; trigger cases: passes over runs. */
  readonly passRate: number;
  /** skill-creator's rule: a trigger case passes when its trigger rate is on the expected side of 0.5; an output case when most runs pass. */
  readonly passed: boolean;
}

/** A configuration over all its runs. */
export interface ConfigurationSummary {
  readonly configuration: Configuration;
  /** Trigger runs whose use of the skill was as expected, over trigger runs (NaN without trigger cases). */
  readonly triggerRate: number;
  /** Of the runs that should trigger, the share that did (recall), and of the runs that triggered, the share that should (precision). */
  readonly triggerRecall: number;
  readonly triggerPrecision: number;
  /** Output runs' pass rates (share of expectations met): mean, spread, range. */
  readonly passRate: Stats;
  readonly timeSeconds: Stats;
  readonly tokens: Stats;
  readonly outputRuns: number;
  readonly triggerRuns: number;
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
    const first = group[0]!;
    const passes = group.filter((run) => run.passed).length;
    const triggerRate = group.filter((run) => run.triggered).length / group.length;
    if (first.kind === 'trigger') {
      const expected = shouldTrigger(first.caseKey);
      return { kind: 'trigger', caseKey: first.caseKey, configuration: first.configuration, runs: group.length, passes, triggerRate, passRate: passes / group.length, passed: expected ? triggerRate >= 0.5 : triggerRate < 0.5 };
    }
    const passRate = statsOf(group.map(runPassRate)).mean;
    return { kind: 'output', caseKey: first.caseKey, configuration: first.configuration, runs: group.length, passes, triggerRate, passRate, passed: passes * 2 > group.length };
  });
}

/** The summary of each configuration present, `with_skill` first. */
export function summariseConfigurations(runs: readonly CaseRun[], shouldTrigger: (caseKey: string) => boolean): ConfigurationSummary[] {
  const order: Configuration[] = ['with_skill', 'without_skill', 'old_skill'];
  return order.flatMap((configuration) => {
    const mine = runs.filter((run) => run.configuration === configuration);
    if (mine.length === 0) return [];
    const triggers = mine.filter((run) => run.kind === 'trigger');
    const outputs = mine.filter((run) => run.kind === 'output');
    const should = triggers.filter((run) => shouldTrigger(run.caseKey));
    const fired = triggers.filter((run) => run.triggered);
    return [{
      configuration,
      triggerRate: ratio(triggers.filter((run) => run.triggered === shouldTrigger(run.caseKey) && run.error === null).length, triggers.length),
      triggerRecall: ratio(should.filter((run) => run.triggered).length, should.length),
      triggerPrecision: ratio(fired.filter((run) => shouldTrigger(run.caseKey)).length, fired.length),
      passRate: statsOf(outputs.map(runPassRate)),
      timeSeconds: statsOf(outputs.map((run) => run.timeSeconds)),
      tokens: statsOf(outputs.map((run) => run.tokens)),
      outputRuns: outputs.length,
      triggerRuns: triggers.length,
    }];
  });
}

/** The share of a run's expectations met (0 for a run that failed to complete, 1 for a run with none). */
export function runPassRate(run: CaseRun): number {
  if (run.error !== null) return 0;
  if (run.expectations.length === 0) return 1;
  return run.expectations.filter((item) => item.passed).length / run.expectations.length;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}
