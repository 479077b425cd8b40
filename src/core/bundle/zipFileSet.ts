/** A file set as a zip archive: one top-level folder, SKILL.md at its root, the same bytes for the same files. */
import type JSZipType from 'jszip';
import { isBinary } from './diffFileSets';
import { toFolderFiles, type FileSet } from './fileSet';

/** Every entry carries this time (the zip format's earliest, 1980-01-01 00:00 UTC), so the bytes depend on the files only. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

let jszip: typeof JSZipType | undefined;

/** `jszip`, required on first use: the activation bundle and `skillsmith lint` never load it. */
function loadJsZip(): typeof JSZipType {
  jszip ??= require('jszip') as typeof JSZipType;
  return jszip;
}

/**
 * Zips a file set deterministically: entries sorted by path, no folder entries, fixed timestamps and
 * permissions. Text is deflated at level 1 (pako's fastest: most of the size gain for a fraction of the time);
 * binary files, usually compressed already, are stored. The choice depends on the bytes only, so the same files
 * always give the same zip. Paths are `<folderName>/<path>`.
 */
export async function zipFileSet(set: FileSet): Promise<Uint8Array> {
  const JSZip = loadJsZip();
  const zip = new JSZip();
  const entries = toFolderFiles(set).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of entries) {
    const compression = isBinary(entry.data) ? 'STORE' : 'DEFLATE';
    zip.file(entry.path, entry.data, {
      date: FIXED_DATE,
      createFolders: false,
      binary: true,
      compression,
      compressionOptions: { level: 1 },
    });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'DOS' });
}
