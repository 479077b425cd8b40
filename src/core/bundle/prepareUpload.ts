/** The gate before anything leaves the machine: what would be sent, and the claude-api lint of it. */
import { countOf } from '../text/count';
import { lintSkillFolder } from '../skill/folder';
import type { Diagnostic } from '../skill/types';
import { collectSkillFiles, type SkillFiles } from './collectSkillFiles';
import { fileSetBytes, folderNameOf, readFileSet, type FileSet } from './fileSet';
import { DEFAULT_UPLOAD_LIMIT_BYTES, formatBytes, totalBytes } from './uploadChecks';

/** Options of an upload or export. */
export interface UploadOptions {
  /** The size budget in bytes (default 30 MB, the service's limit). */
  readonly limitBytes?: number;
  /** Files that look like secrets but are sent anyway, by relative path: the user named each one. */
  readonly allowSecrets?: readonly string[];
}

/** A skill folder checked for upload or export; nothing has been read beyond names, sizes and SKILL.md. */
export interface PreparedUpload {
  readonly dir: string;
  /** Its SKILL.md (possibly mis-cased), or undefined when it has none. */
  readonly skillMd: string | undefined;
  /** The one top-level folder the files travel under. */
  readonly folderName: string;
  /** The files to send and what is left out, each with why. */
  readonly collected: SkillFiles;
  readonly totalBytes: number;
  readonly limitBytes: number;
  /** The lint of the folder under the `claude-api` profile (what the service and claude.ai accept), upload rules included. */
  readonly diagnostics: readonly Diagnostic[];
  /** The diagnostics that block the upload: any error. */
  readonly errors: readonly Diagnostic[];
}

/** Collects and lints `dir` with the `claude-api` profile, whatever the editor's profile is. Rejects when the folder cannot be read. */
export async function prepareUpload(dir: string, options: UploadOptions = {}): Promise<PreparedUpload> {
  const limitBytes = options.limitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
  const collected = await collectSkillFiles(dir, { allowSecrets: options.allowSecrets });
  const { file, diagnostics } = await lintSkillFolder(dir, { profile: 'claude-api', collected, uploadLimitBytes: limitBytes });
  return {
    dir,
    skillMd: file,
    folderName: folderNameOf(dir),
    collected,
    totalBytes: totalBytes(collected.files),
    limitBytes,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error'),
  };
}

/**
 * Reads the files of a prepared upload that passed its gate. Rejects when it has errors, or when the files
 * grew past the budget since they were checked (the budget holds for the bytes actually read).
 */
export async function readPreparedFiles(prepared: PreparedUpload): Promise<FileSet> {
  if (prepared.errors.length > 0) throw new Error(`${prepared.dir} has ${countOf(prepared.errors.length, 'error')} to fix first: ${prepared.errors[0].message}`);
  const set = await readFileSet(prepared.dir, prepared.collected);
  const bytes = fileSetBytes(set);
  if (bytes > prepared.limitBytes) {
    throw new Error(`The files of ${prepared.folderName} grew to ${formatBytes(bytes)} while being read, over the ${formatBytes(prepared.limitBytes)} limit. Check the folder and try again.`);
  }
  return set;
}
