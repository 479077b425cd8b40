/** A content hash of a file set, so "has this folder changed since version V" needs no download. */
import { createHash } from 'node:crypto';
import type { FileSet } from './fileSet';

/**
 * `sha256:<hex>` over every file's path and bytes, in path order. The top-level folder's name is not part of
 * it: the same files under a renamed folder hash the same. Any added, removed, renamed or edited file changes it.
 */
export function hashFileSet(set: FileSet): string {
  const hash = createHash('sha256');
  const sorted = [...set.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    // Length-prefixed fields: no choice of paths and contents can make two different sets feed the same bytes.
    const name = Buffer.from(file.path, 'utf8');
    hash.update(`${name.byteLength}:`).update(name).update(`${file.data.byteLength}:`).update(file.data);
  }
  return `sha256:${hash.digest('hex')}`;
}
