/** The gate before anything leaves the machine: what would be sent, and the claude-api lint of it. */
import { countOf } from '../text/count';
import { lintSkillFolder } from '../skill/folder';
import type { Diagnostic } from '../skill/types';
import { collectSkillFiles, type SkillFiles } from './collectSkillFiles';
import { leaveOutPacks } from './earlierPacks';
import { fileSetBytes, folderNameOf, readFileSet, type FileSet } from './fileSet';
import { DEFAULT_UPLOAD_LIMIT_BYTES, formatBytes, totalBytes } from './uploadChecks';

/** Options of an upload or export. */
export interface UploadOptions {
  /** The size budget in bytes (default 30 MB, the service's limit). */
  readonly limitBytes?: number;
  /** Files that look like secrets but are sent anyway, by relative path: the user named each one. */
  readonly allowSecrets?: readonly string[];
  /** The zip `skillsmith pack` is about to write (absolute): left out if it is inside the folder, with any earlier pack of the skill there. */
  readonly packOutput?: string;
}

/**
 * A skill folder checked for upload or export. Its files were read once, scanned, and are what an upload sends
 * (what was checked is what travels, whatever changes on disk afterwards); a folder over the size limit is not read.
 */
export interface PreparedUpload {
  readonly dir: string;
  /** Its SKILL.md (possibly mis-cased), or undefined when it has none. */
  readonly skillMd: string | undefined;
  /** The one top-level folder the files travel under. */
  readonly folderName: string;
  /** The files to send and what is left out, each with why. */
  readonly collected: SkillFiles;
  /** The bytes of the files to send, read and scanned; undefined when the folder is over the size limit (it cannot be sent). */
  readonly contents: FileSet | undefined;
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
  const walked = await collectSkillFiles(dir, { allowSecrets: options.allowSecrets });
  const collected = options.packOutput === undefined ? walked : await leaveOutPacks(walked, options.packOutput, folderNameOf(dir));
  const total = totalBytes(collected.files);
  const read = total <= limitBytes ? await readFileSet(dir, collected) : undefined;
  const { file, diagnostics } = lintSkillFolder(dir, {
    profile: 'claude-api',
    collected,
    contents: read,
    allowSecrets: options.allowSecrets,
    uploadLimitBytes: limitBytes,
  });
  const { files, contents } = leaveOutKeys(collected, read, diagnostics, file);
  return {
    dir,
    skillMd: file,
    folderName: folderNameOf(dir),
    collected: files,
    contents,
    totalBytes: totalBytes(files.files),
    limitBytes,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error'),
  };
}

/**
 * The files and bytes without those holding a key (an `upload-secret` finding in a file other than SKILL.md, which
 * cannot travel without its SKILL.md): such a file is left out as a secret, as one named like a secret is, so
 * publishing "without the secrets" leaves it behind and allowing it by name brings it back.
 */
function leaveOutKeys(
  collected: SkillFiles,
  contents: FileSet | undefined,
  diagnostics: readonly Diagnostic[],
  skillMd: string | undefined,
): { files: SkillFiles; contents: FileSet | undefined } {
  const keyed = new Set<string>();
  for (const d of diagnostics) if (d.rule === 'upload-secret' && d.file !== undefined && d.file !== skillMd) keyed.add(d.file);
  if (keyed.size === 0) return { files: collected, contents };
  const leftOut = collected.leftOut.concat([...keyed].map((relativePath) => ({ relativePath, reason: 'secret' as const })));
  return {
    files: {
      files: collected.files.filter((f) => !keyed.has(f.relativePath)),
      leftOut: leftOut.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1)),
    },
    contents: contents && { folderName: contents.folderName, files: contents.files.filter((f) => !keyed.has(f.path)) },
  };
}

/**
 * The files of a prepared upload that passed its gate: the bytes that were scanned. Throws when it has errors, or
 * when the files had grown past the budget by the time they were read (the budget holds for the bytes sent).
 */
export function readPreparedFiles(prepared: PreparedUpload): FileSet {
  const set = prepared.contents;
  if (prepared.errors.length > 0 || set === undefined)
    throw new Error(`${prepared.dir} has ${countOf(prepared.errors.length, 'error')} to fix first: ${prepared.errors[0]?.message}`);
  const bytes = fileSetBytes(set);
  if (bytes > prepared.limitBytes) {
    throw new Error(
      `The files of ${prepared.folderName} grew to ${formatBytes(bytes)} while being read, over the ${formatBytes(prepared.limitBytes)} limit. Check the folder and try again.`,
    );
  }
  return set;
}
