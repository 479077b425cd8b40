/** Lints a skill folder a file at a time, for a caller that must stay responsive meanwhile (the editor). */
import * as path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { collectSkillFiles, type SkillFiles } from '../bundle/collectSkillFiles';
import { lintSkillFolder, scanSkillFile, type SkillFolderResult } from './folder';
import type { Profile } from './types';

/** Options of `lintSkillFolderInSteps`. */
export interface LintInStepsOptions {
  readonly profile: Profile;
  /** Stops the lint between two files: the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Told after each file other than SKILL.md: how many of them are scanned, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The lint of a folder and the files it read. */
export interface SteppedFolderResult extends SkillFolderResult {
  /** The files the walk found, the ones scanned among them. */
  readonly collected: SkillFiles;
}

/**
 * The findings `lintSkillFolder` reports on `dir`, found without holding the thread: the folder is walked
 * asynchronously, then SKILL.md and each other file are scanned one at a time, with a turn of the event loop between
 * two files. A file that cannot be read is not scanned, as there. Rejects when the walk fails or `signal` aborts.
 */
export async function lintSkillFolderInSteps(dir: string, options: LintInStepsOptions): Promise<SteppedFolderResult> {
  const { profile, signal, onProgress } = options;
  const collected = await collectSkillFiles(dir);
  signal?.throwIfAborted();
  const head = lintSkillFolder(dir, { profile, collected, skipOtherFiles: true });
  const skillMd = head.file === undefined ? undefined : path.basename(head.file);
  const others = collected.files.filter((file) => file.relativePath !== skillMd);
  const diagnostics = [...head.diagnostics];
  for (const [index, file] of others.entries()) {
    await setImmediate();
    signal?.throwIfAborted();
    try {
      diagnostics.push(...scanSkillFile(file, profile));
    } catch {
      // Gone or no longer a file since the walk: an upload refuses it when it reads it.
    }
    onProgress?.(index + 1, others.length);
  }
  return { ...head, diagnostics, collected };
}
