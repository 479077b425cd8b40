/** What an eval run will send, decided before anything is sent: the jobs, their count and a token estimate. */
import { countOf, formatCount } from '../text/count';
import type { OutputEvalCase, TriggerEvalCase } from './types';

/**
 * A configuration, named as skill-creator's benchmark viewer and `aggregate_benchmark.py` name them:
 * `with_skill` (the version under test), `without_skill` (no skill attached), `old_skill` (another version).
 */
export type Configuration = 'with_skill' | 'without_skill' | 'old_skill';

/** What the cases are compared against. */
export type Baseline =
  { readonly kind: 'none' } | { readonly kind: 'without-skill' } | { readonly kind: 'version'; readonly version: string };

/** One request to make (and, for an output case with expectations, its grader request). */
export type EvalJob =
  | { readonly kind: 'trigger'; readonly case: TriggerEvalCase; readonly configuration: Configuration; readonly runNumber: number }
  | { readonly kind: 'output'; readonly case: OutputEvalCase; readonly configuration: Configuration; readonly runNumber: number };

/** The cases of a run. */
export interface EvalCases {
  readonly triggers: readonly TriggerEvalCase[];
  readonly outputs: readonly OutputEvalCase[];
}

/** What a run will cost, before it starts. */
export interface CostEstimate {
  /** Messages requests when no run continues after `pause_turn`: one per run, and a grader request per graded output run. */
  readonly requests: number;
  /** The worst case: every run also continues after `pause_turn` as often as it may. */
  readonly worstCaseRequests: number;
  /** Input tokens of the planned requests, estimated from their text (4 characters a token) plus the tools' and skills' share. */
  readonly inputTokens: number;
  /**
   * Of `inputTokens`, those the prompt cache is expected to serve, billed at a tenth of the input price: the tools' and
   * skills' share of every case request after the first of its configuration (each request marks it a cache breakpoint).
   */
  readonly cacheReadTokens: number;
  /** The most output tokens the planned requests (`requests`) may use: the `max_tokens` each is sent with. */
  readonly outputTokens: number;
  /** The most output tokens the worst case (`worstCaseRequests`) may use: the `max_tokens` each is sent with. */
  readonly maxOutputTokens: number;
}

/** Input tokens a request with code execution and a skill adds before its own text (tool definitions, skill metadata). */
const REQUEST_OVERHEAD_TOKENS = 1_500;
/** A grader request's share on top of the case's: instructions, schema and the transcript. */
const GRADER_OVERHEAD_TOKENS = 2_500;

/** Every job of a run: each case `runs` times in each configuration (trigger cases have no `without_skill` run). */
export function planJobs(cases: EvalCases, runs: number, baseline: Baseline): EvalJob[] {
  const configurations: Configuration[] = ['with_skill'];
  if (baseline.kind === 'without-skill') configurations.push('without_skill');
  if (baseline.kind === 'version') configurations.push('old_skill');
  const jobs: EvalJob[] = [];
  for (const configuration of configurations) {
    for (let runNumber = 1; runNumber <= runs; runNumber++) {
      if (configuration !== 'without_skill')
        for (const item of cases.triggers) jobs.push({ kind: 'trigger', case: item, configuration, runNumber });
      for (const item of cases.outputs) jobs.push({ kind: 'output', case: item, configuration, runNumber });
    }
  }
  return jobs;
}

/**
 * The requests and tokens of `jobs`: each run's request and continuations sent with `maxTokens`, up to
 * `maxContinuations` continuations a run, and a grader request with `graderMaxTokens` per graded output run.
 */
export function estimateCost(jobs: readonly EvalJob[], maxTokens: number, graderMaxTokens: number, maxContinuations: number): CostEstimate {
  let requests = 0;
  let worstCaseRequests = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let maxOutputTokens = 0;
  const configurations = new Set<Configuration>();
  let cacheReadTokens = 0;
  for (const job of jobs) {
    const prompt = job.kind === 'trigger' ? job.case.query : job.case.prompt;
    const own = Math.ceil(prompt.length / 4) + REQUEST_OVERHEAD_TOKENS;
    if (configurations.has(job.configuration)) cacheReadTokens += REQUEST_OVERHEAD_TOKENS;
    configurations.add(job.configuration);
    requests++;
    worstCaseRequests += 1 + maxContinuations;
    inputTokens += own;
    outputTokens += maxTokens;
    maxOutputTokens += maxTokens * (1 + maxContinuations);
    if (job.kind === 'output' && job.case.expectations.length > 0) {
      requests++;
      worstCaseRequests++;
      inputTokens += own + maxTokens + GRADER_OVERHEAD_TOKENS + Math.ceil(job.case.expectations.join('\n').length / 4);
      outputTokens += graderMaxTokens;
      maxOutputTokens += graderMaxTokens;
    }
  }
  return { requests, worstCaseRequests, inputTokens, cacheReadTokens, outputTokens, maxOutputTokens };
}

/** The cost of two runs made together (one question about several skill folders' runs). */
export function addEstimates(a: CostEstimate, b: CostEstimate): CostEstimate {
  return {
    requests: a.requests + b.requests,
    worstCaseRequests: a.worstCaseRequests + b.worstCaseRequests,
    inputTokens: a.inputTokens + b.inputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    maxOutputTokens: a.maxOutputTokens + b.maxOutputTokens,
  };
}

/** A run refused before it started because even without continuations it would exceed its cap. */
export class CostCapError extends Error {
  constructor(
    readonly estimate: CostEstimate,
    readonly maxRequests: number,
  ) {
    super(
      `This eval run would send ${countOf(estimate.requests, 'request')} (about ${countOf(estimate.inputTokens, 'input token')} and up to ${countOf(estimate.outputTokens, 'output token')}; up to ${formatCount(estimate.worstCaseRequests)} requests and ${formatCount(estimate.maxOutputTokens)} output tokens with continuations), over the cap of ${formatCount(maxRequests)}; run fewer cases or runs, or raise the cap.`,
    );
    this.name = 'CostCapError';
  }
}
