/** A skill's files in memory: what travels in an upload, an export zip or a downloaded version. */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { forEachConcurrently } from '../async/forEachConcurrently';
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

/** How many files are open at once: far below any descriptor limit (`ulimit -n 256`), enough to keep the disk busy. */
export const MAX_OPEN_FILES = 32;

/**
 * Reads the bytes of the files `collected` lists, under the folder's own name, at most MAX_OPEN_FILES at a time.
 * Rejects when a file became a symbolic link or a folder since the walk (never followed), or when the file opened
 * is not the one at its path inside the folder: a folder above it swapped for a link (to read an outside file)
 * between the walk and the read is caught by comparing the open file with the real location of its path.
 */
export async function readFileSet(dir: string, collected: SkillFiles): Promise<FileSet> {
  const root = await fs.realpath(dir);
  const files: FileSetEntry[] = new Array<FileSetEntry>(collected.files.length);
  await forEachConcurrently(collected.files, MAX_OPEN_FILES, async ({ relativePath, absolutePath }, index) => {
    files[index] = { path: relativePath, data: await readInside(root, absolutePath, relativePath) };
  });
  return { folderName: folderNameOf(dir), files };
}

/** The bytes of the file at `absolutePath`, checked to be the file at `relativePath` under the real folder `root`. */
async function readInside(root: string, absolutePath: string, relativePath: string): Promise<Uint8Array> {
  const handle = await fs.open(absolutePath, READ_FLAGS);
  try {
    const opened = await handle.stat();
    const expected = path.join(root, ...relativePath.split('/'));
    const real = await fs.realpath(absolutePath).catch(() => undefined);
    const there = real === expected ? await fs.stat(real).catch(() => undefined) : undefined;
    if (!there || there.ino !== opened.ino || there.dev !== opened.dev) {
      throw new Error(
        `\`${relativePath}\` moved outside the skill folder while it was being read (a folder above it was replaced by a link); nothing was sent. Check the folder and try again.`,
      );
    }
    const data = await handle.readFile();
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } finally {
    await handle.close();
  }
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
