/** A finished tuning written under the skill's results folder, as `<time>-tune/tuning.json`. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createRunFolder, RESULTS_FOLDER } from '../writeResults';
import type { Measurement, TriggerScore } from './measureDescription';
import type { TuneResult } from './tuneDescription';

/** The tuning as JSON: the split, every round's table, the winner. Rates are numbers or null. */
export function tuningJson(result: TuneResult, runs: number, seed: number, holdout: number): object {
  return {
    skill_name: result.skillName,
    runs_per_case: runs,
    seed,
    holdout_share: holdout,
    split: { train: result.split.train.map((item) => item.query), holdout: result.split.holdout.map((item) => item.query) },
    current: measurementJson(result.current),
    rounds: result.rounds.map((round) => ({
      round: round.round,
      measurements: round.measurements.map(measurementJson),
      dropped: round.dropped,
      proposal_problem: round.proposalProblem,
    })),
    winner: { description: result.winner.description, source: result.winner.source, changed: result.winner !== result.current },
    requests_sent: result.requestsSent,
    naive_requests: result.naiveRequests,
    cap_reached: result.capReached,
    cancelled: result.cancelled,
    temporary_skills_left: result.leftBehind,
  };
}

/** Writes `tuning.json` into a new `<time>-tune` folder of `<skill folder>/evals/results` (or `folder`); resolves with its path. */
export async function saveTuning(skillFolder: string, json: object, folder?: string): Promise<string> {
  const runFolder = await createRunFolder(folder ?? path.join(skillFolder, RESULTS_FOLDER), new Date().toISOString(), '-tune');
  const file = path.join(runFolder, 'tuning.json');
  await fs.writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

function measurementJson(item: Measurement): object {
  return {
    description: item.description,
    source: item.source,
    train: scoreJson(item.train),
    holdout: item.holdout ? scoreJson(item.holdout) : null,
    stopped: item.stopped,
    tokens: item.tokens,
  };
}

function scoreJson(score: TriggerScore): object {
  const number = (value: number): number | null => (Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : null);
  return {
    precision: number(score.precision),
    recall: number(score.recall),
    accuracy: number(score.accuracy),
    completed_runs: score.completedRuns,
    errored_runs: score.erroredRuns,
  };
}
