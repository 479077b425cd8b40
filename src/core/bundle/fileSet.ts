/** A skill's files in memory: what travels in an upload, an export zip or a downloaded version. */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SkillFiles } from './collectSkillFiles';

/** One file of a skill: its POSIX path relative to the skill folder (no top-level folder) and its bytes. */
export interface FileSetEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

/** The files of one skill, sorted by path, and the name of the one top-level folder they travel under. */
export interface FileSet {
  readonly folderName: string;
  readonly files: readonly FileSetEntry[];
}

/** A file as the Skills API upload takes it: `path` starts with the top-level folder. */
export interface FolderFile {
  readonly path: string;
  readonly data: Uint8Array;
}

/**
 * How each file is opened: never through a symbolic link in the last path segment, and never waiting on a FIFO put
 * in a file's place after the walk (the flags are 0 where the platform has none).
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads the bytes of the files `collected` lists, under the folder's own name. A file that became a symbolic link
 * or a folder since the walk is refused (the read fails), never followed.
 */
export async function readFileSet(dir: string, collected: SkillFiles): Promise<FileSet> {
  const files = await Promise.all(
    collected.files.map(async ({ relativePath, absolutePath }) => {
      const data = await fs.readFile(absolutePath, { flag: READ_FLAGS });
      return { path: relativePath, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
    }),
  );
  return { folderName: folderNameOf(dir), files };
}

/** The name of the top-level folder an upload of `dir` travels under: the folder's own name. */
export function folderNameOf(dir: string): string {
  return path.basename(path.resolve(dir));
}

/** The files with their top-level folder in front (`my-skill/SKILL.md`), as an upload or a zip carries them. */
export function toFolderFiles(set: FileSet): FolderFile[] {
  return set.files.map((file) => ({ path: `${set.folderName}/${file.path}`, data: file.data }));
}

/** Sorts entries by path in code-unit order, the order every file set keeps. */
export function sortEntries<T extends { readonly path: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The total size of a file set in bytes. */
export function fileSetBytes(set: FileSet): number {
  return set.files.reduce((sum, file) => sum + file.data.byteLength, 0);
}
