/** Finds a skill's eval files and its identity (frontmatter `name` and `description`) from a folder or an eval file. */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseSkillMd } from '../skill/parse';
import { EvalFileError, OUTPUT_EVALS_FILE, parseOutputEvals, parseTriggerEvals, TRIGGER_EVALS_FILE } from './evalFiles';
import type { OutputEvalCase, TriggerEvalCase } from './types';

/** A skill with the eval cases found for it. */
export interface LoadedEvals {
  readonly skillFolder: string;
  /** Frontmatter `name` (the container directory) and `description`. */
  readonly name: string;
  readonly description: string;
  readonly triggers: readonly TriggerEvalCase[];
  readonly outputs: readonly OutputEvalCase[];
  /** The eval files read. */
  readonly files: readonly string[];
}

/**
 * From a skill folder: its `evals/evals.json` and `evals/trigger-evals.json`, whichever exist. From a JSON file:
 * that file alone (a trigger set when its cases have `should_trigger`), for the nearest folder above it with a
 * SKILL.md. Rejects with an `EvalFileError` naming the file or folder when nothing usable is found.
 */
export async function loadEvals(target: string): Promise<LoadedEvals> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) throw new EvalFileError(target, '', 'does not exist; give a skill folder or an eval file.');
  const skillFolder = stat.isDirectory() ? target : await skillFolderAbove(path.dirname(target), target);
  const { name, description } = await readSkillIdentity(skillFolder);
  const candidates = stat.isDirectory()
    ? [path.join(skillFolder, OUTPUT_EVALS_FILE), path.join(skillFolder, TRIGGER_EVALS_FILE)]
    : [target];
  let triggers: TriggerEvalCase[] = [];
  let outputs: OutputEvalCase[] = [];
  const files: string[] = [];
  for (const file of candidates) {
    const text = await readRegularFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && stat.isDirectory()) return null;
      throw new EvalFileError(file, '', `cannot be read (${error.message}).`);
    });
    if (text === null) continue;
    files.push(file);
    if (isTriggerSet(text, file)) triggers = parseTriggerEvals(text, file);
    else outputs = [...parseOutputEvals(text, file).evals];
  }
  if (files.length === 0)
    throw new EvalFileError(skillFolder, '', `has no ${OUTPUT_EVALS_FILE} or ${TRIGGER_EVALS_FILE}; add one, or give an eval file.`);
  return { skillFolder, name, description, triggers, outputs, files };
}

/** The frontmatter `name` and `description` of the skill folder's SKILL.md. */
export async function readSkillIdentity(folder: string): Promise<{ name: string; description: string }> {
  const file = path.join(folder, 'SKILL.md');
  const text = await readRegularFile(file).catch((error: Error) => {
    throw new EvalFileError(folder, '', `has no readable SKILL.md (${error.message}).`);
  });
  return skillIdentityOf(text, file);
}

/** The largest eval file or SKILL.md read (a bigger one is a mistake, not a test). */
export const MAX_EVAL_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The text of a regular file. Opened without waiting (a FIFO in its place would block the read forever) and
 * checked to be a file of at most `MAX_EVAL_FILE_BYTES` before a byte is read; rejects saying what it is instead.
 */
export async function readRegularFile(file: string): Promise<string> {
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new Error(stat.isDirectory() ? 'it is a folder, not a file' : 'it is not a regular file (a pipe, socket or device)');
    if (stat.size > MAX_EVAL_FILE_BYTES) throw new Error(`it is larger than ${MAX_EVAL_FILE_BYTES / 1024 / 1024} MB`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** The frontmatter `name` and `description` of a SKILL.md's text (the last of duplicate keys wins); throws without a name. */
export function skillIdentityOf(text: string, file: string): { name: string; description: string } {
  const entries = parseSkillMd(text).entries;
  const value = (key: string): string => {
    const entry = entries.filter((item) => item.key === key).at(-1);
    return typeof entry?.value === 'string' ? entry.value.trim() : '';
  };
  const name = value('name');
  if (name === '') throw new EvalFileError(file, '', 'has no name in its frontmatter.');
  return { name, description: value('description') };
}

/** A trigger set is a list, or an object whose cases carry `should_trigger`. */
function isTriggerSet(text: string, file: string): boolean {
  if (path.basename(file) === 'evals.json') return false;
  try {
    const root: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (Array.isArray(root)) return true;
    const evals = typeof root === 'object' && root !== null ? (root as { evals?: unknown }).evals : undefined;
    return Array.isArray(evals) && evals.some((item) => typeof item === 'object' && item !== null && 'should_trigger' in item);
  } catch {
    return true;
  }
}

async function skillFolderAbove(dir: string, file: string): Promise<string> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (
      await fs.stat(path.join(current, 'SKILL.md')).then(
        () => true,
        () => false,
      )
    )
      return current;
    if (path.dirname(current) === current) throw new EvalFileError(file, '', 'is not inside a skill folder (no SKILL.md above it).');
  }
}
