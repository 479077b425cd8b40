/** Lints a skill folder on disk: its SKILL.md, with the real folder name and files, plus the upload rules. */
import type { Dirent } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { collectSkillFilesSync, type SkillFile, type SkillFiles } from '../bundle/collectSkillFiles';
import { checkUpload, checkUploadPaths } from '../bundle/uploadChecks';
import type { FileSet } from '../bundle/fileSet';
import { uploadIndexOf } from '../bundle/uploadIndex';
import { folderPrefix } from '../bundle/folderPrefix';
import { lintSkillMd } from './lint';
import { folderDiagnostic } from './finding';
import { severityOf } from './rules';
import { readWholeFileSync, scanBytes, scanFileSync } from './security/scanFile';
import { SKILL_MD, skillMdCaseDiagnostics } from './skillMdName';
import type { Diagnostic, Profile } from './types';

export { findSkillFolders, type SkillFolderVisitor } from './findSkillFolders';

export { SKILL_MD } from './skillMdName';

/** The result of linting one skill folder. */
export interface SkillFolderResult {
  readonly dir: string;
  /** The SKILL.md that was linted (possibly mis-cased), or undefined when there is none. */
  readonly file: string | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Options of `lintSkillFolder`. */
export interface LintFolderOptions {
  readonly profile: Profile;
  /** The upload size limit in bytes (default 30 MB). */
  readonly uploadLimitBytes?: number;
  /** The folder's entries, when the caller has just read them (as `findSkillFolders` hands them over). */
  readonly entries?: readonly Dirent[];
  /** The folder's files, when the caller has just collected them (publish, with its allowed secrets). */
  readonly collected?: SkillFiles;
  /** The bytes of `collected`'s files, when the caller has read them (publish): scanned from memory, not read again. */
  readonly contents?: FileSet;
  /** Files the user allowed by name although they look like secrets: keys found in them are not reported. */
  readonly allowSecrets?: readonly string[];
  /** Scan SKILL.md only: the caller scans the other files itself (`scanSkillFile`), one at a time between other work. */
  readonly skipOtherFiles?: boolean;
}

/**
 * Lints the skill folder `dir`, reading it synchronously (for the CLI, where nothing else waits on the thread).
 * Throws when the folder, one of its subfolders, its SKILL.md or its .skillignore cannot be read.
 */
export function lintSkillFolder(dir: string, options: LintFolderOptions): SkillFolderResult {
  const { profile } = options;
  const collected = options.collected ?? collectSkillFilesSync(dir, options.entries ? { entries: options.entries } : {});
  const fileName = skillMdIn(collected);
  const folderName = folderNameOf(dir);
  const upload = checkUpload(collected, profile, options.uploadLimitBytes).concat(checkUploadPaths(folderName, collected, profile));
  if (fileName === undefined) {
    const missing = folderDiagnostic('skill-md-missing', profile, `The folder has no ${SKILL_MD}: create one with a name and description.`);
    return { dir, file: undefined, diagnostics: missing.concat(upload) };
  }
  const file = folderPrefix(dir) + fileName;
  const index = uploadIndexOf(collected);
  const bytes = options.contents ? new Map(options.contents.files.map((f) => [f.path, f.data])) : undefined;
  const inMemory = bytes?.get(fileName);
  // Read once: the text for the linter, the same bytes for the security scan.
  const utf8 = inMemory
    ? Buffer.from(inMemory.buffer, inMemory.byteOffset, inMemory.byteLength)
    : readWholeFileSync(file, sizeOf(collected, fileName));
  const diagnostics = lintSkillMd(utf8.toString('utf8'), {
    profile,
    folderName,
    fileExists: index.has,
    leftOutReason: index.leftOutReason,
    utf8,
  });
  const scanned = options.skipOtherFiles ? [] : scanFiles(collected, fileName, profile, bytes, new Set(options.allowSecrets));
  return { dir, file, diagnostics: skillMdCaseDiagnostics(fileName, profile).concat(diagnostics, scanned, upload) };
}

/**
 * The security findings of every file the upload carries besides SKILL.md (which `lintSkillMd` scans), from
 * `bytes` when given, else read from disk. A file that vanished or changed kind since the walk is not scanned (an
 * upload refuses it when it reads it).
 */
function scanFiles(
  collected: SkillFiles,
  skillMd: string,
  profile: Profile,
  bytes: ReadonlyMap<string, Uint8Array> | undefined,
  allowed: ReadonlySet<string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of collected.files) {
    if (file.relativePath === skillMd) continue;
    try {
      diagnostics.push(
        ...scanSkillFile(file, profile, { data: bytes?.get(file.relativePath), secretAllowed: allowed.has(file.relativePath) }),
      );
    } catch {
      continue;
    }
  }
  return diagnostics;
}

/** How `scanSkillFile` reads a file. */
export interface ScanFileOptions {
  /** The file's bytes, when the caller holds them: scanned from memory, not read. */
  readonly data?: Uint8Array | undefined;
  /** The user allowed the file by name although it looks like a secret: keys in it are not reported. */
  readonly secretAllowed?: boolean;
}

/**
 * The security findings of one file of a skill folder other than its SKILL.md, under `profile` (rules off under it
 * left out), each naming the file: what `lintSkillFolder` reports on it. Throws when the file cannot be read.
 */
export function scanSkillFile(file: SkillFile, profile: Profile, options: ScanFileOptions = {}): Diagnostic[] {
  const target = { relativePath: file.relativePath, isSkillMd: false, secretAllowed: options.secretAllowed === true };
  const findings = options.data ? scanBytes(options.data, target) : scanFileSync(file.absolutePath, file.size, target);
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const severity = severityOf(f.rule, profile);
    if (severity !== 'off')
      diagnostics.push({
        rule: f.rule,
        severity,
        message: f.message,
        range: f.range,
        fixes: f.fixes,
        ...(f.file === undefined ? {} : { file: f.file }),
      });
  }
  return diagnostics;
}

/** The name of the SKILL.md at the top of the folder: spelled exactly so, or else mis-cased; undefined when there is none. */
function skillMdIn(collected: SkillFiles): string | undefined {
  let misCased: string | undefined;
  for (const { relativePath } of collected.files) {
    if (relativePath === SKILL_MD) return SKILL_MD;
    if (misCased === undefined && !relativePath.includes('/') && relativePath.toLowerCase() === 'skill.md') misCased = relativePath;
  }
  return misCased;
}

/** The size the walk saw of the collected file `relativePath` (0 when it is not listed). */
function sizeOf(collected: SkillFiles, relativePath: string): number {
  return collected.files.find((f) => f.relativePath === relativePath)?.size ?? 0;
}

/**
 * The folder's own name (`path.resolve` only for paths such as `.` or `..` that do not end with it). On POSIX the
 * last segment is cut by hand: `path.basename`'s loop over characters is a cost per folder in a CLI run, and a
 * trailing slash, the one case where the two differ, leaves the cut empty and takes the slow way.
 */
function folderNameOf(dir: string): string {
  const name = sep === '/' ? dir.slice(dir.lastIndexOf('/') + 1) : basename(dir);
  return name === '' || name === '.' || name === '..' ? basename(resolve(dir)) : name;
}
