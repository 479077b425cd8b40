import { PathTree, type FolderNode, type TreeNode } from '../../../core/zip/pathTree';
import type { ZipFile } from '../../../core/zip/readZip';

/** A file or folder inside a downloaded version. */
export type ArchiveEntry =
  | { readonly kind: 'file'; readonly path: string; readonly data: Uint8Array }
  | { readonly kind: 'folder'; readonly path: string; readonly children: readonly string[] };

/**
 * The files of one downloaded version, in memory, with the folders their paths imply ('' is the root). Built in time
 * linear in the length of the paths; throws `ZipError` for paths no folder could hold (see `PathTree`): a file that
 * is also another file's folder, names that differ only in case, absurd depths.
 */
export class VersionArchive {
  private readonly tree = new PathTree<Uint8Array>();
  private readonly sortedFiles: ReadonlyArray<Extract<ArchiveEntry, { kind: 'file' }>>;
  private readonly childLists = new WeakMap<FolderNode<Uint8Array>, readonly string[]>();

  constructor(files: readonly ZipFile[]) {
    for (const file of files) this.tree.add(file.path, file.data);
    this.sortedFiles = files
      .map((file) => ({ kind: 'file' as const, path: file.path, data: file.data }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The entry at `path`, or undefined. */
  get(path: string): ArchiveEntry | undefined {
    const node = this.tree.find(path);
    if (!node) return undefined;
    if (node.kind === 'file') return { kind: 'file', path, data: node.value };
    return { kind: 'folder', path, children: this.childrenOf(node, path) };
  }

  /** Every file, in archive path order. */
  files(): Array<Extract<ArchiveEntry, { kind: 'file' }>> {
    return [...this.sortedFiles];
  }

  /** The SKILL.md closest to the root (the upload's `<folder>/SKILL.md`), or undefined. */
  skillMdPath(): string | undefined {
    return this.sortedFiles
      .map((file) => file.path)
      .filter((path) => path === 'SKILL.md' || path.endsWith('/SKILL.md'))
      .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  }

  /** A folder's children as full paths, folders first, then by name; worked out once per folder. */
  private childrenOf(folder: FolderNode<Uint8Array>, path: string): readonly string[] {
    let children = this.childLists.get(folder);
    if (!children) {
      children = [...folder.children.values()].sort(compareNodes).map((child) => (path === '' ? child.name : `${path}/${child.name}`));
      this.childLists.set(folder, children);
    }
    return children;
  }
}

/** Folders first, then by name. */
function compareNodes(a: TreeNode<Uint8Array>, b: TreeNode<Uint8Array>): number {
  if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1;
  return a.name.localeCompare(b.name);
}
