/** A downloaded or exported zip back into a file set, through the safe reader. */
import { countOf } from '../text/count';
import { readZip, type ZipLimits } from '../zip/readZip';
import { ZipError } from '../zip/zipError';
import { sortEntries, type FileSet } from './fileSet';

/**
 * Reads a skill zip into a file set: every entry must sit under one top-level folder, which becomes
 * `folderName`. Throws `ZipError` for anything the safe reader refuses (traversal, absolute paths, links,
 * bombs, damage) and for files outside one top-level folder.
 */
export function unzipFileSet(bytes: Uint8Array, limits?: ZipLimits): FileSet {
  const entries = readZip(bytes, limits);
  const folders = new Set(entries.map((entry) => (entry.path.includes('/') ? entry.path.slice(0, entry.path.indexOf('/')) : '')));
  if (folders.has(''))
    throw new ZipError('The archive has files outside a top-level folder; a skill zip keeps every file under one folder.');
  if (folders.size !== 1) {
    const names = [...folders].sort().slice(0, 3).join(', ');
    throw new ZipError(`The archive has ${countOf(folders.size, 'top-level folder')} (${names}); a skill zip has exactly one.`);
  }
  const [folderName] = [...folders];
  const files = sortEntries(entries.map((entry) => ({ path: entry.path.slice(folderName.length + 1), data: entry.data })));
  return { folderName, files };
}
