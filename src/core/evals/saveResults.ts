/** A finished run summarised and written to its results folder: what the CLI and the Test Explorer both do after a run. */
import * as path from 'node:path';
import type { LoadedEvals } from './loadEvals';
import { benchmarkJson, triggerResultsJson } from './reports';
import type { CaseRun } from './runEvals';
import { summariseCases, summariseConfigurations, type CaseSummary, type ConfigurationSummary } from './summary';
import type { TriggerEvalCase } from './types';
import { RESULTS_FOLDER, writeResults } from './writeResults';

/** What a run was made with, for `benchmark.json`'s metadata. */
export interface RunDescription {
  readonly model: string;
  readonly graderModel: string;
  readonly runsPerCase: number;
  /** Where to write; default `<skill folder>/evals/results`. */
  readonly folder?: string;
}

/** The summaries of a run and where its files went. */
export interface SavedRun {
  readonly cases: CaseSummary[];
  readonly configurations: ConfigurationSummary[];
  readonly resultsFolder: string;
}

/** Whether the trigger case with a key (`trigger-<index>`) should trigger; false for any other key. */
export function shouldTriggerOf(triggers: readonly TriggerEvalCase[]): (caseKey: string) => boolean {
  const expected = new Map(triggers.map((item) => [`trigger-${item.index}`, item.shouldTrigger]));
  return (caseKey) => expected.get(caseKey) ?? false;
}

/** Summarises `runs` and writes `benchmark.json`, `grading.json`s and `trigger-results.json` (skill-creator's shapes). */
export async function saveResults(evals: LoadedEvals, runs: readonly CaseRun[], run: RunDescription): Promise<SavedRun> {
  const shouldTrigger = shouldTriggerOf(evals.triggers);
  const configurations = summariseConfigurations(runs, shouldTrigger);
  const timestamp = new Date().toISOString();
  const metadata = {
    skillName: evals.name,
    skillPath: evals.skillFolder,
    executorModel: run.model,
    graderModel: run.graderModel,
    timestamp,
    runsPerConfiguration: run.runsPerCase,
  };
  const resultsFolder = await writeResults(run.folder ?? path.join(evals.skillFolder, RESULTS_FOLDER), timestamp, {
    runs,
    benchmark: benchmarkJson(metadata, evals.outputs, runs, configurations),
    triggerResults: evals.triggers.length > 0 ? triggerResultsJson(evals.name, evals.description, evals.triggers, runs) : null,
  });
  return { cases: summariseCases(runs, shouldTrigger), configurations, resultsFolder };
}
