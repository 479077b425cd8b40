/**
 * Description tuning through the API: the trigger cases split into train and holdout, the current description
 * measured first, then the user's candidates and, each round, the model's, each on a temporary skill that is
 * deleted (versions first) whatever happens. The winner is chosen on holdout (ties: the shorter description).
 */
import * as path from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import type { SkillsClient } from '../../api/types';
import { prepareUpload, readPreparedFiles } from '../../bundle/prepareUpload';
import { DEFAULT_MAX_CONTINUATIONS } from '../../chat/createChatSession';
import type { ChosenSkill } from '../../chat/viewModel';
import { loadEvals } from '../loadEvals';
import { CostCapError, estimateCost, planJobs, type CostEstimate } from '../plan';
import { RequestBudget } from '../requestBudget';
import { DEFAULT_MAX_REQUESTS } from '../runEvals';
import { candidateProblem } from './candidateDescription';
import { measureDescription, type Measurement } from './measureDescription';
import { proposeDescriptions } from './proposeDescriptions';
import { DEFAULT_HOLDOUT, splitCases, type TuningSplit } from './split';
import { TemporarySkills } from './temporarySkills';

/** Descriptions the model is asked for each round when the options do not say. */
export const DEFAULT_PROPOSALS = 3;

/** How a tuning is made. */
export interface TuneOptions {
  /** Candidates the user gave, measured in the first round. */
  readonly candidates?: readonly string[];
  /** Rounds of model proposals (0: the user's candidates only). Default 1. */
  readonly rounds?: number;
  /** Runs per case. Default 3. */
  readonly runs?: number;
  /** The share of each kind of case held out. Default 0.4. */
  readonly holdout?: number;
  readonly seed?: number;
  /** Descriptions asked of the model per round. Default 3. */
  readonly proposals?: number;
  readonly model: string;
  readonly maxTokens: number;
  readonly concurrency?: number;
  /** The most requests the whole tuning sends (default 1000): refused before it starts when its plan is more. */
  readonly maxRequests?: number;
  readonly otherSkills?: readonly ChosenSkill[];
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: TuneEvent) => void;
}

/** What a tuning reports as it goes. */
export type TuneEvent =
  | { readonly type: 'plan'; readonly estimate: CostEstimate; readonly split: TuningSplit }
  | { readonly type: 'dropped'; readonly description: string; readonly reason: string }
  | { readonly type: 'proposals'; readonly round: number; readonly count: number; readonly problem: string | null }
  | { readonly type: 'measuring'; readonly description: string; readonly source: Measurement['source'] }
  | { readonly type: 'measured'; readonly measurement: Measurement };

/** One round: the descriptions measured in it, those dropped and what the model did. */
export interface TuneRound {
  readonly round: number;
  readonly measurements: Measurement[];
  readonly dropped: { readonly description: string; readonly reason: string }[];
  /** Why the model proposed nothing usable this round, or null (also null in a round without proposals). */
  readonly proposalProblem: string | null;
}

/** What a tuning found. */
export interface TuneResult {
  readonly skillName: string;
  /** The SKILL.md tuned (absolute) and its text when the tuning read it: `applyDescription` refuses if it changed since. */
  readonly skillMdFile: string;
  readonly skillMd: string;
  readonly split: TuningSplit;
  readonly current: Measurement;
  readonly rounds: readonly TuneRound[];
  /** The best on holdout (ties: shorter); `current` when nothing beat it. */
  readonly winner: Measurement;
  /** True when the signal stopped the tuning. */
  readonly cancelled: boolean;
  /** True when no candidate at all could be measured (none given, none proposed, all dropped). */
  readonly noCandidates: boolean;
  readonly requestsSent: number;
  /** What measuring every description measured here on every case, `runs` times, would have sent, proposals included (the naive plan). */
  readonly naiveRequests: number;
  readonly capReached: boolean;
  /** Temporary skills that could not be deleted, with why (empty when all are gone). */
  readonly leftBehind: readonly { readonly skillId: string; readonly reason: string }[];
}

/** A tuning that cannot start: no trigger cases, a skill that cannot be uploaded, a SKILL.md without a description. */
export class TuneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TuneError';
  }
}

/**
 * Tunes the description of the skill in `folder`. Rejects with a `TuneError` or `CostCapError` before anything is
 * sent. Every temporary skill is deleted (or named in `leftBehind`) whatever happens: on success, on a cancel
 * (`cancelled`), and before an API failure that stops the tuning (an upload refused) rejects.
 */
export async function tuneDescription(sdk: Anthropic, client: SkillsClient, folder: string, options: TuneOptions): Promise<TuneResult> {
  const evals = await loadEvals(folder);
  if (evals.triggers.length === 0)
    throw new TuneError(
      `${path.basename(folder)} has no trigger cases (evals/trigger-evals.json): tuning measures the description on them.`,
    );
  const prepared = await prepareUpload(folder);
  if (prepared.errors.length > 0 || !prepared.skillMd)
    throw new TuneError(`${path.basename(folder)} cannot be uploaded as it is: ${prepared.errors[0]?.message ?? 'it has no SKILL.md.'}`);
  const files = readPreparedFiles(prepared);
  const skillMdPath = path.relative(folder, prepared.skillMd).split(path.sep).join('/');
  const skillMd = new TextDecoder().decode(files.files.find((file) => file.path === skillMdPath)?.data);
  if (evals.description === '') throw new TuneError(`The SKILL.md of ${path.basename(folder)} has no description to tune: add one first.`);

  const runs = options.runs ?? 3;
  const rounds = options.rounds ?? 1;
  const proposals = options.proposals ?? DEFAULT_PROPOSALS;
  const split = splitCases(evals.triggers, options.holdout ?? DEFAULT_HOLDOUT, options.seed ?? 0);
  const given = uniqueCandidates(options.candidates ?? [], evals.description);
  const estimate = tuningEstimate(evals.triggers.length, runs, 1 + given.length + rounds * proposals, rounds, options.maxTokens);
  const cap = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  if (estimate.requests > cap) throw new CostCapError(estimate, cap);
  options.onEvent?.({ type: 'plan', estimate, split });

  const budget = new RequestBudget(cap);
  const temporary = new TemporarySkills(client, files, skillMdPath, evals.name);
  const measureOptions = {
    train: split.train,
    holdout: split.holdout,
    directory: evals.name,
    runs,
    model: options.model,
    maxTokens: options.maxTokens,
    budget,
    ...optional(options),
  };
  const measure = async (description: string, source: Measurement['source'], best: number): Promise<Measurement | null> => {
    options.onEvent?.({ type: 'measuring', description, source });
    const skillId = await temporary.create(description);
    try {
      if (options.signal?.aborted) return null;
      const measurement = await measureDescription(sdk, skillId, { description, source }, best, measureOptions);
      if (options.signal?.aborted) return null;
      options.onEvent?.({ type: 'measured', measurement });
      return measurement;
    } finally {
      await temporary.delete(skillId).catch(() => undefined);
    }
  };

  let current: Measurement | null = null;
  let proposalRequests = 0;
  let leftBehind: TuneResult['leftBehind'] = [];
  const done: TuneRound[] = [];
  try {
    current = await measure(evals.description, 'current', Number.NEGATIVE_INFINITY);
    let best = current;
    for (let round = 1; current && best && round <= Math.max(1, rounds) && !options.signal?.aborted; round++) {
      const queue: { description: string; source: Measurement['source'] }[] =
        round === 1 ? given.map((description) => ({ description, source: 'user' as const })) : [];
      let proposalProblem: string | null = null;
      if (round <= rounds) {
        const allowed = budget.take();
        if (allowed) proposalRequests++;
        const proposal = allowed
          ? await proposeDescriptions(sdk, {
              description: best.description,
              skillMd,
              missed: best.missed.map((item) => ({
                query: item.case.query,
                shouldTrigger: item.case.shouldTrigger,
                triggered: item.triggered,
                runs: item.runs,
              })),
              count: proposals,
              model: options.model,
              maxTokens: options.maxTokens,
              ...(options.signal ? { signal: options.signal } : {}),
            })
          : { descriptions: [], problem: 'the request cap was reached', tokens: 0 };
        const seen = new Set([
          evals.description,
          ...done.flatMap((item) => item.measurements.map((measured) => measured.description)),
          ...queue.map((item) => item.description),
        ]);
        const fresh = proposal.descriptions.filter((description) => !seen.has(description)).slice(0, proposals);
        proposalProblem = proposal.problem;
        options.onEvent?.({ type: 'proposals', round, count: fresh.length, problem: proposal.problem });
        queue.push(...fresh.map((description) => ({ description, source: 'model' as const })));
      }
      const entry: TuneRound = { round, measurements: [], dropped: [], proposalProblem };
      done.push(entry);
      for (const { description, source } of queue) {
        if (options.signal?.aborted) break;
        const problem = candidateProblem(skillMd, description);
        if (problem !== null) {
          entry.dropped.push({ description, reason: problem });
          options.onEvent?.({ type: 'dropped', description, reason: problem });
          continue;
        }
        const measurement = await measure(description, source, best.train.accuracy);
        if (!measurement) break;
        entry.measurements.push(measurement);
        if (measurement.stopped === null && score(measurement.train.accuracy) > score(best.train.accuracy)) best = measurement;
      }
    }
  } finally {
    leftBehind = await temporary.deleteAll();
  }
  const cancelled = options.signal?.aborted === true || current === null;
  const measured = current ? [current, ...done.flatMap((round) => round.measurements)] : [];
  const fallback: Measurement = current ?? emptyMeasurement(evals.description);
  return {
    skillName: evals.name,
    skillMdFile: prepared.skillMd,
    skillMd,
    split,
    current: fallback,
    rounds: done,
    winner: pickWinner(measured, split.holdout.length > 0) ?? fallback,
    cancelled,
    noCandidates: measured.length <= 1,
    requestsSent: budget.sent,
    naiveRequests: measured.length * evals.triggers.length * runs + proposalRequests,
    capReached: budget.reached,
    leftBehind,
  };
}

/** The best measurement: highest holdout accuracy (train without holdout cases), then the shorter description, then the earlier. */
export function pickWinner(measured: readonly Measurement[], byHoldout: boolean): Measurement | undefined {
  let winner: Measurement | undefined;
  for (const item of measured) {
    if (byHoldout && item.holdout === null) continue;
    if (!winner) {
      winner = item;
      continue;
    }
    const [mine, theirs] = byHoldout
      ? [score(item.holdout?.accuracy), score(winner.holdout?.accuracy)]
      : [score(item.train.accuracy), score(winner.train.accuracy)];
    if (mine > theirs || (mine === theirs && item.description.length < winner.description.length)) winner = item;
  }
  return winner;
}

/** The requests and tokens of the naive plan: every description on every case, `runs` times, and the model's rounds. */
export function tuningEstimate(cases: number, runs: number, descriptions: number, rounds: number, maxTokens: number): CostEstimate {
  const triggers = Array.from({ length: cases }, (_, index) => ({ index, query: 'x'.repeat(80), shouldTrigger: true, line: 0 }));
  const one = estimateCost(planJobs({ triggers, outputs: [] }, runs, { kind: 'none' }), maxTokens, 0, DEFAULT_MAX_CONTINUATIONS);
  return {
    requests: one.requests * descriptions + rounds,
    worstCaseRequests: one.worstCaseRequests * descriptions + rounds,
    inputTokens: one.inputTokens * descriptions + rounds * 4_000,
    cacheReadTokens: one.cacheReadTokens * descriptions,
    outputTokens: one.outputTokens * descriptions + rounds * maxTokens,
    maxOutputTokens: one.maxOutputTokens * descriptions + rounds * maxTokens,
  };
}

/** The user's candidates, trimmed, without repeats or the current description. */
function uniqueCandidates(candidates: readonly string[], current: string): string[] {
  const seen = new Set([current]);
  const unique: string[] = [];
  for (const candidate of candidates.map((item) => item.trim())) {
    if (candidate === '' || seen.has(candidate)) continue;
    seen.add(candidate);
    unique.push(candidate);
  }
  return unique;
}

function optional(options: TuneOptions): Pick<TuneOptions, 'concurrency' | 'otherSkills' | 'signal'> {
  return {
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.otherSkills ? { otherSkills: options.otherSkills } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function score(value: number | undefined): number {
  return value === undefined || Number.isNaN(value) ? -1 : value;
}

function emptyMeasurement(description: string): Measurement {
  const none = { precision: Number.NaN, recall: Number.NaN, accuracy: Number.NaN, completedRuns: 0, erroredRuns: 0 };
  return { description, source: 'current', train: none, holdout: null, stopped: 'not measured', tokens: 0, missed: [] };
}
