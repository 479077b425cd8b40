/**
 * How well a description triggers: its trigger cases run against a temporary skill carrying it, train first (run by
 * run, stopping as soon as it can no longer reach the best train score so far), then holdout.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ChosenSkill } from '../../chat/viewModel';
import type { RequestBudget } from '../requestBudget';
import { runEvals, type CaseRun } from '../runEvals';
import { shouldTriggerOf } from '../saveResults';
import { summariseCases, summariseConfigurations } from '../summary';
import type { TriggerEvalCase } from '../types';
import { countOf, formatCount } from '../../text/count';

/** Precision, recall and accuracy of the completed trigger runs on a set of cases. */
export interface TriggerScore {
  /** Of the runs that used the skill, the share that should have (NaN when none did). */
  readonly precision: number;
  /** Of the runs that should have used the skill, the share that did (NaN without such cases). */
  readonly recall: number;
  /** Runs that behaved as expected, over completed runs: what the winner is chosen by. */
  readonly accuracy: number;
  readonly completedRuns: number;
  readonly erroredRuns: number;
}

/** One description, measured. */
export interface Measurement {
  readonly description: string;
  /** `current`, `user` (a `--candidate`) or `model` (proposed in a round). */
  readonly source: 'current' | 'user' | 'model';
  readonly train: TriggerScore;
  /** Null when it was stopped on train. */
  readonly holdout: TriggerScore | null;
  /** Why it was not measured to the end, or null. */
  readonly stopped: string | null;
  readonly tokens: number;
  /** The train cases it got wrong (for the next round's proposals). */
  readonly missed: readonly { readonly case: TriggerEvalCase; readonly triggered: number; readonly runs: number }[];
}

/** How descriptions are measured. */
export interface MeasureOptions {
  readonly train: readonly TriggerEvalCase[];
  readonly holdout: readonly TriggerEvalCase[];
  readonly directory: string;
  readonly runs: number;
  readonly model: string;
  readonly maxTokens: number;
  readonly concurrency?: number;
  readonly otherSkills?: readonly ChosenSkill[];
  readonly budget: RequestBudget;
  readonly signal?: AbortSignal;
  /** Told as each run finishes. */
  readonly onRun?: (run: CaseRun) => void;
}

/**
 * Measures the description of the temporary skill `skillId`. Train runs go one pass over the cases at a time; when
 * even a perfect rest could not reach `bestTrainAccuracy`, it stops there (a clearly beaten candidate costs no more).
 */
export async function measureDescription(
  sdk: Anthropic,
  skillId: string,
  candidate: Pick<Measurement, 'description' | 'source'>,
  bestTrainAccuracy: number,
  options: MeasureOptions,
): Promise<Measurement> {
  const trainRuns: CaseRun[] = [];
  let stopped: string | null = null;
  for (let pass = 1; pass <= options.runs; pass++) {
    const result = await run(sdk, skillId, options.train, 1, options);
    trainRuns.push(...result.map((item) => ({ ...item, runNumber: pass })));
    if (options.signal?.aborted) break;
    const remaining = (options.runs - pass) * options.train.length;
    const correct = trainRuns.filter((item) => item.error === null && item.passed).length;
    const completedRuns = trainRuns.filter((item) => item.error === null).length;
    const best = (correct + remaining) / Math.max(1, completedRuns + remaining);
    if (pass < options.runs && best < bestTrainAccuracy) {
      stopped = `beaten on train after ${formatCount(pass)} of ${countOf(options.runs, 'run')}`;
      break;
    }
  }
  const holdoutRuns = stopped === null && !options.signal?.aborted ? await run(sdk, skillId, options.holdout, options.runs, options) : [];
  const train = scoreOf(trainRuns, options.train);
  const missed = summariseCases(trainRuns, shouldTriggerOf(options.train))
    .filter((summary) => summary.verdict === 'failed')
    .map((summary) => ({
      case: options.train.find((item) => `trigger-${item.index}` === summary.caseKey)!,
      triggered: summary.triggers,
      runs: summary.completed,
    }));
  return {
    ...candidate,
    train,
    holdout: stopped === null ? scoreOf(holdoutRuns, options.holdout) : null,
    stopped,
    tokens: [...trainRuns, ...holdoutRuns].reduce((sum, item) => sum + item.tokens, 0),
    missed,
  };
}

async function run(
  sdk: Anthropic,
  skillId: string,
  cases: readonly TriggerEvalCase[],
  runs: number,
  options: MeasureOptions,
): Promise<CaseRun[]> {
  if (cases.length === 0) return [];
  const result = await runEvals(
    sdk,
    { triggers: cases, outputs: [] },
    {
      skill: { skillId, directory: options.directory },
      baseline: { kind: 'none' },
      model: options.model,
      graderModel: options.model,
      maxTokens: options.maxTokens,
      runs,
      budget: options.budget,
      maxRequests: options.budget.cap,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.otherSkills ? { otherSkills: options.otherSkills } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onRun ? { onRun: options.onRun } : {}),
    },
  );
  return result.runs;
}

/** The score of some trigger runs of `cases`. */
export function scoreOf(runs: readonly CaseRun[], cases: readonly TriggerEvalCase[]): TriggerScore {
  const [summary] = summariseConfigurations(runs, shouldTriggerOf(cases));
  if (!summary) return { precision: Number.NaN, recall: Number.NaN, accuracy: Number.NaN, completedRuns: 0, erroredRuns: 0 };
  return {
    precision: summary.triggerPrecision,
    recall: summary.triggerRecall,
    accuracy: summary.triggerRate,
    completedRuns: summary.triggerRuns,
    erroredRuns: summary.erroredRuns,
  };
}
