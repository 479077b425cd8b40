/**
 * Runs eval cases through the Messages API with the skill attached to `container.skills`: every case N times,
 * at most `concurrency` requests at a time, each in a conversation of its own. A run that cannot complete (an API
 * error, a grader or check without a verdict, a turn left paused, the request cap) is recorded with its error, so
 * its case errs rather than passes; it never stops the others. Runs cut short by the signal are left out.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { forEachConcurrently } from '../async/forEachConcurrently';
import { createChatSession, DEFAULT_MAX_CONTINUATIONS } from '../chat/createChatSession';
import type { ApiForm } from '../chat/session';
import type { AssistantTurn, ChosenSkill } from '../chat/viewModel';
import { runChecks, type GradedExpectation } from './checks';
import { GRADER_MAX_TOKENS, gradeExpectations } from './grader';
import { uploadInputFiles } from './inputFiles';
import {
  CostCapError,
  estimateCost,
  planJobs,
  type Baseline,
  type Configuration,
  type CostEstimate,
  type EvalCases,
  type EvalJob,
} from './plan';
import { RequestBudget } from './requestBudget';
import { skillUses } from './skillActivity';
import { transcriptOf } from './transcript';
import type { OutputEvalCase } from './types';
import { messageOf } from '../messageOf';

/** The skill under test, as published. */
export interface EvalSkill {
  readonly skillId: string;
  /** The version under test; undefined means `latest`. */
  readonly version?: string;
  /** Its directory in the container (`/skills/<directory>/`): the frontmatter `name`. */
  readonly directory: string;
}

/** How a run is made. */
export interface EvalRunOptions {
  readonly skill: EvalSkill;
  /** Other skills beside it in every request, so near-misses compete. */
  readonly otherSkills?: readonly ChosenSkill[];
  readonly baseline: Baseline;
  readonly model: string;
  readonly graderModel: string;
  readonly maxTokens: number;
  /** Runs per case and configuration (default 3). */
  readonly runs?: number;
  /** Requests at a time (default 8). */
  readonly concurrency?: number;
  /**
   * The most requests the run sends, continuations and graders included (default 1000): refused before it starts
   * when its planned requests are more; stopped there when continuations bring it to the cap.
   */
  readonly maxRequests?: number;
  /** A budget shared with other runs (a tuning's), used instead of one made from `maxRequests`. */
  readonly budget?: RequestBudget;
  readonly apiForm?: ApiForm;
  /** Where output cases' `files` are read from (the skill folder); a case with files fails without it. */
  readonly inputFolder?: string;
  readonly signal?: AbortSignal;
  /** Called once the estimate is known, before the first request. */
  readonly onPlan?: (estimate: CostEstimate) => void;
  /** Called as each run finishes. */
  readonly onRun?: (run: CaseRun) => void;
}

/** Runs per case when the options do not say. */
export const DEFAULT_RUNS = 3;
/** Requests at a time when the options do not say. */
export const DEFAULT_CONCURRENCY = 8;
/** The request cap when the options do not say. */
export const DEFAULT_MAX_REQUESTS = 1000;

/** One run of one case in one configuration. */
export interface CaseRun {
  readonly kind: 'trigger' | 'output';
  /** `trigger-<index>` or `eval-<id>`. */
  readonly caseKey: string;
  readonly configuration: Configuration;
  readonly runNumber: number;
  readonly passed: boolean;
  /** For trigger runs: whether the skill was used. */
  readonly triggered: boolean;
  /** Graded expectations and checks (output runs). */
  readonly expectations: readonly GradedExpectation[];
  readonly tokens: number;
  readonly toolCalls: number;
  readonly timeSeconds: number;
  /** What went wrong when the run could not complete. */
  readonly error: string | null;
  readonly transcript: string;
}

/** Every run, in plan order, and what was estimated. */
export interface EvalRunResult {
  readonly runs: CaseRun[];
  readonly estimate: CostEstimate;
  /** True when the signal stopped the run before every job ran (the runs it cut short are not in `runs`). */
  readonly cancelled: boolean;
  /** Messages requests sent (firsts, continuations and graders). */
  readonly requestsSent: number;
  /** True when the run stopped at its request cap: some runs, continuations or gradings were not sent and errored. */
  readonly capReached: boolean;
}

/** Runs the cases; rejects with a `CostCapError` (before any request) when the plan is over the cap. */
export async function runEvals(sdk: Anthropic, cases: EvalCases, options: EvalRunOptions): Promise<EvalRunResult> {
  const jobs = planJobs(cases, options.runs ?? DEFAULT_RUNS, options.baseline);
  const estimate = guardedEstimate(jobs, options);
  options.onPlan?.(estimate);
  const budget = options.budget ?? new RequestBudget(options.maxRequests ?? DEFAULT_MAX_REQUESTS);
  const results = new Array<CaseRun | undefined>(jobs.length);
  const uploads = new Map<number, Promise<string[]>>();
  const attachmentsOf = (item: OutputEvalCase): Promise<string[]> => {
    let upload = uploads.get(item.id);
    if (!upload) {
      upload =
        item.files.length === 0
          ? Promise.resolve([])
          : options.inputFolder === undefined
            ? Promise.reject(new Error('no folder to read them from was given'))
            : uploadInputFiles(sdk, options.inputFolder, item.files, options.apiForm ?? 'ga', options.signal);
      upload.catch(() => undefined);
      uploads.set(item.id, upload);
    }
    return upload;
  };
  await forEachConcurrently(
    jobs,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async (job, index) => {
      const run = await runJob(sdk, job, options, budget, attachmentsOf);
      // A run the signal cut short has no verdict and no error of its own: it is left out, as a run never started.
      if (options.signal?.aborted) return;
      results[index] = run;
      options.onRun?.(run);
    },
    options.signal,
  );
  const runs = results.filter((run): run is CaseRun => run !== undefined);
  return { runs, estimate, cancelled: runs.length < jobs.length, requestsSent: budget.sent, capReached: budget.reached };
}

/**
 * The cost guard, before anything is sent: what a run of `cases` with `options` will cost; throws a `CostCapError`
 * when it is over `maxRequests`. `runEvals` applies it too; callers use it to ask the user first.
 */
export function estimateRun(
  cases: EvalCases,
  options: Pick<EvalRunOptions, 'runs' | 'baseline' | 'maxTokens' | 'maxRequests'>,
): CostEstimate {
  return guardedEstimate(planJobs(cases, options.runs ?? DEFAULT_RUNS, options.baseline), options);
}

function guardedEstimate(jobs: readonly EvalJob[], options: Pick<EvalRunOptions, 'maxTokens' | 'maxRequests'>): CostEstimate {
  const estimate = estimateCost(jobs, options.maxTokens, GRADER_MAX_TOKENS, DEFAULT_MAX_CONTINUATIONS);
  const cap = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  if (estimate.requests > cap) throw new CostCapError(estimate, cap);
  return estimate;
}

async function runJob(
  sdk: Anthropic,
  job: EvalJob,
  options: EvalRunOptions,
  budget: RequestBudget,
  attachmentsOf: (item: OutputEvalCase) => Promise<string[]>,
): Promise<CaseRun> {
  const started = performance.now();
  const prompt = job.kind === 'trigger' ? job.case.query : job.case.prompt;
  let attachments: string[] = [];
  if (job.kind === 'output') {
    try {
      attachments = await attachmentsOf(job.case);
    } catch (caught) {
      return notRun(
        job,
        `Could not upload the input files of eval ${job.case.id}: ${messageOf(caught)}`,
        (performance.now() - started) / 1000,
      );
    }
  }
  if (!budget.take()) return notRun(job, budget.refusal, (performance.now() - started) / 1000);
  let continuationRefused = false;
  const allowContinuation = (): boolean => {
    continuationRefused = !budget.take();
    return !continuationRefused;
  };
  const session = createChatSession(sdk, {
    model: options.model,
    maxTokens: options.maxTokens,
    skills: skillsFor(job.configuration, options),
    apiForm: options.apiForm ?? 'ga',
    allowContinuation,
  });
  const turn = await session.send(prompt, { signal: options.signal, attachments });
  const transcript = transcriptOf(prompt, turn);
  const base = {
    caseKey: job.kind === 'trigger' ? `trigger-${job.case.index}` : `eval-${job.case.id}`,
    configuration: job.configuration,
    runNumber: job.runNumber,
    toolCalls: turn.blocks.filter((block) => block.type === 'tool').length,
    transcript,
  };
  const error = turnError(turn, continuationRefused ? budget.refusal : null);
  const triggered = skillUses(turn).has(options.skill.directory);
  if (job.kind === 'trigger') {
    const seconds = (performance.now() - started) / 1000;
    return {
      ...base,
      kind: 'trigger',
      passed: error === null && triggered === job.case.shouldTrigger,
      triggered,
      expectations: [],
      tokens: tokensOf(turn),
      timeSeconds: seconds,
      error,
    };
  }
  const checks = runChecks(job.case.checks, turn, options.skill.directory);
  let graded: GradedExpectation[] = [];
  let graderTokens = 0;
  let failure = error;
  if (error === null && job.case.expectations.length > 0) {
    if (!budget.take()) failure = `The expectations were not graded. ${budget.refusal}`;
    else {
      try {
        const grading = await gradeExpectations(sdk, job.case.expectations, transcript, {
          model: options.graderModel,
          maxTokens: GRADER_MAX_TOKENS,
          signal: options.signal,
        });
        graded = grading.expectations;
        graderTokens = grading.inputTokens + grading.outputTokens;
      } catch (caught) {
        failure = `The grader request failed: ${messageOf(caught)}`;
      }
    }
  }
  failure ??= unjudgedError(graded, checks);
  if (failure !== null && graded.length === 0) {
    graded = job.case.expectations.map((text) => ({ text, passed: false, evidence: failure ?? '' }));
  }
  const expectations = [...graded, ...checks];
  return {
    ...base,
    kind: 'output',
    passed: failure === null && expectations.every((item) => item.passed),
    triggered,
    expectations,
    tokens: tokensOf(turn) + graderTokens,
    timeSeconds: (performance.now() - started) / 1000,
    error: failure,
  };
}

/** A run that never reached the model (its input files could not be uploaded, or the request cap was reached). */
function notRun(job: EvalJob, error: string, seconds: number): CaseRun {
  const prompt = job.kind === 'trigger' ? job.case.query : job.case.prompt;
  return {
    kind: job.kind,
    caseKey: job.kind === 'trigger' ? `trigger-${job.case.index}` : `eval-${job.case.id}`,
    configuration: job.configuration,
    runNumber: job.runNumber,
    passed: false,
    triggered: false,
    expectations: job.kind === 'output' ? job.case.expectations.map((text) => ({ text, passed: false, evidence: error })) : [],
    tokens: 0,
    toolCalls: 0,
    timeSeconds: seconds,
    error,
    transcript: `User: ${prompt}\n\n${error}`,
  };
}

/** The error of a run whose grader or checks gave no verdict on something, or null when all were judged. */
function unjudgedError(graded: readonly GradedExpectation[], checks: readonly GradedExpectation[]): string | null {
  const skipped = graded.filter((item) => item.unjudged).length;
  if (skipped > 0) return `The grader gave no verdict for ${skipped} of ${graded.length} expectations.`;
  const check = checks.find((item) => item.unjudged);
  return check ? `The check "${check.text}" gave no verdict: ${check.evidence}` : null;
}

function skillsFor(configuration: Configuration, options: EvalRunOptions): ChosenSkill[] {
  const others = [...(options.otherSkills ?? [])];
  if (configuration === 'without_skill') return others;
  const version = configuration === 'old_skill' && options.baseline.kind === 'version' ? options.baseline.version : options.skill.version;
  return [{ type: 'custom', skillId: options.skill.skillId, ...(version ? { version } : {}) }, ...others];
}

/** Why a turn did not complete, or null: an error, a stop, or an answer left paused (`pause_turn`) and not continued. */
function turnError(turn: AssistantTurn, refusal: string | null): string | null {
  if (turn.status === 'error') return turn.error?.message ?? 'The request failed.';
  if (turn.status === 'stopped') return 'The run was stopped.';
  if (turn.stopReason === 'pause_turn') {
    return refusal === null
      ? `The answer was still paused (pause_turn) after ${turn.continuations} continuations, so it is unfinished.`
      : `The answer paused (pause_turn) and was not continued. ${refusal}`;
  }
  return null;
}

function tokensOf(turn: AssistantTurn): number {
  return turn.usage.inputTokens + turn.usage.outputTokens + turn.usage.cacheReadTokens + turn.usage.cacheCreationTokens;
}
