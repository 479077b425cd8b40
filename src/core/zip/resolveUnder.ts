/** Where an archive entry lands on disk, proven to stay inside the destination folder. */
import { posix as path } from 'node:path';
import { checkEntryPath } from './checkEntryPath';
import { ZipError } from './zipError';

/**
 * Resolves `entryPath` (an archive path) under `destination`, an absolute `/`-separated path (a URI's path).
 * Throws `ZipError` when the entry is unsafe or the resolved path would leave the destination.
 */
export function resolveUnder(destination: string, entryPath: string): string {
  const root = path.resolve(destination);
  const target = path.resolve(root, ...checkEntryPath(entryPath).split('/'));
  const relative = path.relative(root, target);
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
    throw new ZipError(`The archive entry "${entryPath}" would be written outside ${root}; the download was refused.`);
  }
  return target;
}
