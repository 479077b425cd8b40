/**
 * Writes a run's results under `<folder>/<timestamp>/` in skill-creator's layout
 * (`eval-<id>/<configuration>/run-<n>/grading.json`, `benchmark.json`, `trigger-results.json`), and, when it
 * creates `<folder>`, a `.gitignore` of `*` in it so git never picks them up.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CaseRun } from './runEvals';
import { gradingJson } from './reports';

/** Where a skill keeps its results: inside `evals/`, which uploads leave out. */
export const RESULTS_FOLDER = 'evals/results';

/** What to write. */
export interface ResultFiles {
  readonly runs: readonly CaseRun[];
  readonly benchmark: object;
  /** Null when the run had no trigger cases. */
  readonly triggerResults: object | null;
}

/** Writes the files; resolves with the run's folder. */
export async function writeResults(folder: string, timestamp: string, files: ResultFiles): Promise<string> {
  const runFolder = await createRunFolder(folder, timestamp);
  for (const run of files.runs) {
    if (run.kind !== 'output') continue;
    const dir = path.join(runFolder, run.caseKey, run.configuration, `run-${run.runNumber}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'grading.json'), json(gradingJson(run)));
    await fs.writeFile(path.join(dir, 'transcript.md'), run.transcript);
  }
  await fs.writeFile(path.join(runFolder, 'benchmark.json'), json(files.benchmark));
  if (files.triggerResults) await fs.writeFile(path.join(runFolder, 'trigger-results.json'), json(files.triggerResults));
  return runFolder;
}

/**
 * Makes `<folder>/<timestamp><suffix>/` for one run's files; a name that exists already gets `-2`, `-3`, … so an
 * earlier run is never overwritten. Only a results folder made here gets the ignore file: never one the user had
 * (`--out .`), never through a link.
 */
export async function createRunFolder(folder: string, timestamp: string, suffix = ''): Promise<string> {
  const created = await fs.mkdir(folder, { recursive: true });
  if (created !== undefined) await fs.writeFile(path.join(folder, '.gitignore'), '# Skillsmith eval results\n*\n', { flag: 'wx' });
  const stamp = `${timestamp.replace(/[:.]/g, '-')}${suffix}`;
  let runFolder = path.join(folder, stamp);
  for (let count = 2; !(await createFresh(runFolder)); count++) runFolder = path.join(folder, `${stamp}-${count}`);
  return runFolder;
}

async function createFresh(dir: string): Promise<boolean> {
  try {
    await fs.mkdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
