import type { FileSet } from '../../../core/bundle/fileSet';
import type { VersionArchive } from './versionArchive';

/**
 * A downloaded (or cached) version as a file set: the paths under its one top-level folder (the folder of
 * its `SKILL.md`), which becomes `folderName`, so it compares with a local folder's file set path for path.
 */
export function fileSetOfArchive(archive: VersionArchive): FileSet {
  const skillMd = archive.skillMdPath() ?? '';
  const folderName = skillMd.includes('/') ? skillMd.slice(0, skillMd.lastIndexOf('/')) : '';
  const prefix = folderName ? `${folderName}/` : '';
  const files = archive
    .files()
    .map((file) => ({ path: file.path.startsWith(prefix) ? file.path.slice(prefix.length) : file.path, data: file.data }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { folderName, files };
}
