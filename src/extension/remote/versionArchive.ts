import type { ZipFile } from '../../core/zip/readZip';

/** A file or folder inside a downloaded version. */
export type ArchiveEntry =
  | { readonly kind: 'file'; readonly path: string; readonly data: Uint8Array }
  | { readonly kind: 'folder'; readonly path: string; readonly children: readonly string[] };

/** The files of one downloaded version, in memory, with the folders their paths imply ('' is the root). */
export class VersionArchive {
  private readonly entries = new Map<string, ArchiveEntry>();

  constructor(files: readonly ZipFile[]) {
    const folders = new Map<string, Set<string>>([['', new Set()]]);
    for (const file of files) {
      this.entries.set(file.path, { kind: 'file', path: file.path, data: file.data });
      const segments = file.path.split('/');
      for (let depth = 0; depth < segments.length; depth++) {
        const parent = segments.slice(0, depth).join('/');
        const child = segments.slice(0, depth + 1).join('/');
        const siblings = folders.get(parent) ?? new Set<string>();
        siblings.add(child);
        folders.set(parent, siblings);
      }
    }
    for (const [path, children] of folders) {
      this.entries.set(path, { kind: 'folder', path, children: [...children].sort(compareEntries(this.entries)) });
    }
  }

  /** The entry at `path`, or undefined. */
  get(path: string): ArchiveEntry | undefined {
    return this.entries.get(path);
  }

  /** Every file, in archive path order. */
  files(): Array<Extract<ArchiveEntry, { kind: 'file' }>> {
    return [...this.entries.values()]
      .filter((entry): entry is Extract<ArchiveEntry, { kind: 'file' }> => entry.kind === 'file')
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The SKILL.md closest to the root (the upload's `<folder>/SKILL.md`), or undefined. */
  skillMdPath(): string | undefined {
    return this.files()
      .map((file) => file.path)
      .filter((path) => path === 'SKILL.md' || path.endsWith('/SKILL.md'))
      .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  }
}

/** Folders first, then by name. Every file is in the map before sorting: anything else is a folder. */
function compareEntries(entries: Map<string, ArchiveEntry>): (a: string, b: string) => number {
  return (a, b) => {
    const aFolder = entries.get(a)?.kind !== 'file';
    const bFolder = entries.get(b)?.kind !== 'file';
    if (aFolder !== bFolder) return aFolder ? -1 : 1;
    return a.localeCompare(b);
  };
}
