/** What changed between two file sets: added, removed and changed paths, each change text or binary. */
import type { FileSet, FileSetEntry } from './fileSet';

/** A path present on both sides with different bytes. */
export interface ChangedFile {
  readonly path: string;
  /** Either side is binary (not UTF-8 text): show it as a line, not as a text diff. */
  readonly binary: boolean;
  readonly before: Uint8Array;
  readonly after: Uint8Array;
}

/** The difference between two file sets; every list is sorted by path. */
export interface FileSetDiff {
  /** Only in `after`. */
  readonly added: readonly FileSetEntry[];
  /** Only in `before`. */
  readonly removed: readonly FileSetEntry[];
  readonly changed: readonly ChangedFile[];
  /** How many paths have the same bytes on both sides. */
  readonly unchanged: number;
}

/** Compares two file sets by path and bytes (the top-level folder names are not compared). */
export function diffFileSets(before: FileSet, after: FileSet): FileSetDiff {
  const old = new Map(before.files.map((file) => [file.path, file.data]));
  const added: FileSetEntry[] = [];
  const changed: ChangedFile[] = [];
  let unchanged = 0;
  for (const file of after.files) {
    const was = old.get(file.path);
    old.delete(file.path);
    if (was === undefined) added.push(file);
    else if (sameBytes(was, file.data)) unchanged++;
    else changed.push({ path: file.path, binary: isBinary(was) || isBinary(file.data), before: was, after: file.data });
  }
  const removed = before.files.filter((file) => old.has(file.path));
  const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { added: added.sort(byPath), removed: removed.sort(byPath), changed: changed.sort(byPath), unchanged };
}

/** True when nothing was added, removed or changed. */
export function isIdentical(diff: FileSetDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** How much of a file is looked at for a NUL byte, as git does. */
const BINARY_SNIFF_BYTES = 8000;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when `data` is not text: a NUL byte near the start (git's test), or bytes that are not valid UTF-8. */
export function isBinary(data: Uint8Array): boolean {
  if (data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return true;
  try {
    strictUtf8.decode(data);
    return false;
  } catch {
    return true;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
