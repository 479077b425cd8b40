/**
 * The files of an archive or an upload as a tree of folders, built in time linear in the total length of the paths.
 * It refuses, with `ZipError`, a set of paths that no file system could hold: a path that is also another file's
 * folder (`s/a` beside `s/a/b`), two names that differ only in case or Unicode form (`a.txt` beside `A.txt`, a
 * composed `é` beside a decomposed one: one overwrites the other on Windows and macOS), the same path twice, and names, paths or depths beyond `PATH_LIMITS`.
 */
import { countOf, formatCount } from '../text/count';
import { ZipError } from './zipError';

/** How long and deep a path may be: far beyond any real skill, and within what every file system takes. */
export const PATH_LIMITS = {
  /** Folders plus the file name. */
  maxDepth: 128,
  /** UTF-8 bytes in one name (a file system's usual limit). */
  maxNameBytes: 255,
  /** UTF-8 bytes in the whole path. */
  maxPathBytes: 4096,
} as const;

/** A file of the tree: its full path and what it holds. */
export interface FileNode<T> {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
  readonly value: T;
}

/** A folder of the tree; `children` are keyed by `keyOf` their name. */
export interface FolderNode<T> {
  readonly kind: 'folder';
  readonly name: string;
  readonly children: Map<string, TreeNode<T>>;
  /** The path of the first file added under this folder (its own path is a prefix of it), for messages. */
  readonly via: string;
  /** How many segments of `via` name this folder ('' is the root: 0). */
  readonly depth: number;
}

/** A file or a folder. */
export type TreeNode<T> = FileNode<T> | FolderNode<T>;

/** A tree of `/`-separated relative paths. */
export class PathTree<T> {
  /** The root folder (path ''). */
  readonly root: FolderNode<T> = { kind: 'folder', name: '', children: new Map(), via: '', depth: 0 };
  /**
   * The folder the last added file went into, and its path with the trailing `/`: paths come grouped by folder (a
   * walk, an archive), so most find their folder here without walking down from the root.
   */
  private lastFolder: { readonly folder: FolderNode<T>; readonly path: string } | undefined;

  /** Adds a file at `path`; throws `ZipError` when the path cannot sit beside those added before. */
  add(path: string, value: T): void {
    const last = this.lastFolder;
    if (last !== undefined && path.startsWith(last.path) && path.indexOf('/', last.path.length) === -1) {
      // The folders on the way were checked and walked by that last file, as deep as this one: only the name is new.
      const name = path.slice(last.path.length);
      checkPathBytes(path);
      checkNameBytes(path, name);
      addFile(last.folder, name, path, value, last.folder.depth);
      return;
    }
    const segments = checkedSegments(path);
    let folder = this.root;
    const fileDepth = segments.length - 1;
    for (let depth = 0; depth < fileDepth; depth++) {
      const name = segments[depth];
      const key = keyOf(name);
      const existing = folder.children.get(key);
      if (!existing) {
        const node: FolderNode<T> = { kind: 'folder', name, children: new Map(), via: path, depth: depth + 1 };
        folder.children.set(key, node);
        folder = node;
        continue;
      }
      if (existing.name !== name || existing.kind === 'file') throw clash(existing, path, depth);
      folder = existing;
    }
    const name = segments[fileDepth];
    addFile(folder, name, path, value, fileDepth);
    this.lastFolder = { folder, path: path.slice(0, path.length - name.length) };
  }

  /** The node at `path` (exact case; '' is the root), or undefined. */
  find(path: string): TreeNode<T> | undefined {
    if (path === '') return this.root;
    let node: TreeNode<T> = this.root;
    for (const name of path.split('/')) {
      if (node.kind !== 'folder') return undefined;
      const child: TreeNode<T> | undefined = node.children.get(keyOf(name));
      if (!child || child.name !== name) return undefined;
      node = child;
    }
    return node;
  }
}

/** What makes two names the same name on Windows and macOS: case and Unicode form do not count. */
function keyOf(name: string): string {
  return NON_ASCII.test(name) ? name.normalize('NFC').toLowerCase() : name.toLowerCase(); // ASCII is its own NFC form
}

/** A character outside ASCII. */
const NON_ASCII = /[^\0-\x7f]/;

/** Why `path` cannot be added where `existing` already sits, at segment `depth` (worked out only on failure: it costs the path's length). */
function clash<T>(existing: TreeNode<T>, path: string, depth: number): ZipError {
  const existingPath = existing.kind === 'file' ? existing.path : prefix(existing.via, existing.depth);
  if (existing.name !== path.split('/')[depth]) {
    return new ZipError(
      `"${shorten(existingPath)}" and "${shorten(prefix(path, depth + 1))}" differ only in case or Unicode form; one would overwrite the other on Windows and macOS.`,
    );
  }
  if (existing.kind === 'folder')
    return new ZipError(`"${shorten(path)}" is a file, but "${shorten(existing.via)}" needs it to be a folder.`);
  if (existingPath === path) return new ZipError(`"${shorten(path)}" appears twice.`);
  return new ZipError(`"${shorten(existingPath)}" is a file, but "${shorten(path)}" needs it to be a folder.`);
}

/** Adds the file `name` (at `path`, its segment `depth`) to `folder`; throws when the folder holds the name already. */
function addFile<T>(folder: FolderNode<T>, name: string, path: string, value: T, depth: number): void {
  const key = keyOf(name);
  const existing = folder.children.get(key);
  if (existing) throw clash(existing, path, depth);
  folder.children.set(key, { kind: 'file', name, path, value });
}

/** The segments of `path`, once its depth, length and names are known to be within `PATH_LIMITS`. */
function checkedSegments(path: string): string[] {
  const segments = path.split('/');
  checkDepth(path, segments.length);
  checkPathBytes(path);
  for (const name of segments) checkNameBytes(path, name);
  return segments;
}

function checkDepth(path: string, depth: number): void {
  if (depth > PATH_LIMITS.maxDepth) {
    throw new ZipError(`"${shorten(path)}" is ${countOf(depth, 'level')} deep; at most ${formatCount(PATH_LIMITS.maxDepth)} are allowed.`);
  }
}

// A UTF-16 code unit is at most 3 bytes of UTF-8: a short enough text is counted only when it could be too long.
function checkPathBytes(path: string): void {
  const pathBytes = path.length * 3 <= PATH_LIMITS.maxPathBytes ? 0 : Buffer.byteLength(path);
  if (pathBytes > PATH_LIMITS.maxPathBytes) {
    throw new ZipError(`"${shorten(path)}" is ${pathBytes} bytes long; a path may be at most ${PATH_LIMITS.maxPathBytes} bytes.`);
  }
}

function checkNameBytes(path: string, name: string): void {
  const nameBytes = name.length * 3 <= PATH_LIMITS.maxNameBytes ? 0 : Buffer.byteLength(name);
  if (nameBytes > PATH_LIMITS.maxNameBytes) {
    throw new ZipError(
      `A name in "${shorten(path)}" is ${nameBytes} bytes long; a file or folder name may be at most ${PATH_LIMITS.maxNameBytes} bytes.`,
    );
  }
}

/** The first `depth` segments of `path`. */
function prefix(path: string, depth: number): string {
  let end = -1;
  for (let i = 0; i < depth; i++) {
    end = path.indexOf('/', end + 1);
    if (end === -1) return path;
  }
  return path.slice(0, end);
}

/** `text` cut to a length a message can show. */
function shorten(text: string): string {
  return text.length <= 120 ? text : `${text.slice(0, 60)}…${text.slice(-40)}`;
}
