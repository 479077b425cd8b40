/** Walks a skill folder to find the files an upload would carry, never following symbolic links. */
import { promises as fs, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { SKILLIGNORE, SkillFileRules, type EntryKind, type LeftOutReason } from './fileRules';
import { folderPrefix } from './folderPrefix';

export { DEFAULT_EXCLUDES, SKILLIGNORE } from './fileRules';

/** A file an upload would carry. */
export interface SkillFile {
  /** POSIX path relative to the skill folder. */
  readonly relativePath: string;
  readonly size: number;
  readonly absolutePath: string;
}

/** A file or folder (its path ends with `/`) that an upload leaves out, and why. */
export interface LeftOutFile {
  readonly relativePath: string;
  readonly reason: LeftOutReason;
}

/** What is in a skill folder, from an upload's point of view. Every path is POSIX and relative to the folder. */
export interface SkillFiles {
  /** The files to upload, sorted by path. */
  readonly files: SkillFile[];
  /**
   * Everything left out, sorted by path: excluded folders are listed once, not looked into. A name that is not
   * valid UTF-8 is shown with U+FFFD for each bad byte (reason `not-utf8`): no upload can carry it.
   */
  readonly leftOut: LeftOutFile[];
}

/** Options of the walk. */
export interface CollectOptions {
  /** Read `.skillignore` from the folder (default true). */
  readonly useSkillignore?: boolean;
  /** Files that look like secrets but are uploaded anyway, by relative path (the user said so). */
  readonly allowSecrets?: readonly string[];
  /** Stop with an error beyond this many entries (a SKILL.md at the root of a huge tree). */
  readonly maxEntries?: number;
  /** The folder's entries, when the caller has just read them. */
  readonly entries?: readonly Dirent[];
}

/**
 * Lists the files of the skill folder `dir` as an upload would see them. Rejects when `dir`, a subfolder or
 * its .skillignore cannot be read, or when the folder holds more than `maxEntries` entries. Reads folders
 * concurrently; `collectSkillFilesSync` is the same walk, faster when nothing else waits on the thread (the CLI).
 */
export async function collectSkillFiles(dir: string, options: CollectOptions = {}): Promise<SkillFiles> {
  const top = options.entries ?? (await fs.readdir(dir, { withFileTypes: true }));
  const skillignore = hasSkillignore(top, options) ? await fs.readFile(join(dir, SKILLIGNORE), 'utf8') : undefined;
  const walk = new Walk(dir, new SkillFileRules(skillignore, options.allowSecrets), options.maxEntries ?? Infinity);
  const visit = async (prefix: string, entries: readonly Dirent[]): Promise<void> => {
    const names = hasBadName(entries) ? await fs.readdir(join(dir, prefix), { withFileTypes: true, encoding: 'buffer' }) : undefined;
    const next = walk.sort(prefix, entries, names);
    await Promise.all([
      ...next.folders.map(async (folder) => visit(folder, await fs.readdir(join(dir, folder), { withFileTypes: true }))),
      ...next.files.map(async (file) => {
        const absolutePath = walk.absolutePath(file);
        walk.addFile(file, (await fs.stat(absolutePath)).size, absolutePath);
      }),
    ]);
  };
  await visit('', top);
  return walk.result();
}

/** `collectSkillFiles` with synchronous reads: throws where that rejects. */
export function collectSkillFilesSync(dir: string, options: CollectOptions = {}): SkillFiles {
  const top = options.entries ?? readdirSync(dir, { withFileTypes: true });
  const skillignore = hasSkillignore(top, options) ? readFileSync(join(dir, SKILLIGNORE), 'utf8') : undefined;
  const walk = new Walk(dir, new SkillFileRules(skillignore, options.allowSecrets), options.maxEntries ?? Infinity);
  const visit = (prefix: string, entries: readonly Dirent[]): void => {
    const names = hasBadName(entries) ? readdirSync(join(dir, prefix), { withFileTypes: true, encoding: 'buffer' }) : undefined;
    const next = walk.sort(prefix, entries, names);
    for (const folder of next.folders) visit(folder, readdirSync(walk.absolutePath(folder), { withFileTypes: true }));
    for (const file of next.files) {
      const absolutePath = walk.absolutePath(file);
      walk.addFile(file, statSync(absolutePath).size, absolutePath);
    }
  };
  visit('', top);
  return walk.result();
}

/** What one folder's entries ask the walk to read next, by path relative to the skill folder. */
interface NextReads {
  readonly folders: string[];
  readonly files: string[];
}

/** One walk of a folder tree, whichever way it reads: what it found so far. */
class Walk {
  private readonly files: SkillFile[] = [];
  private readonly leftOut: LeftOutFile[] = [];
  private seen = 0;
  /** The root, normalised once, that every absolute path starts with (`path.join` per file is a CLI run's cost). */
  private readonly prefix: string;

  constructor(
    private readonly root: string,
    private readonly rules: SkillFileRules,
    private readonly maxEntries: number,
  ) {
    this.prefix = folderPrefix(root);
  }

  /** `path.join(root, relativePath)` for a relative path the walk found (clean POSIX segments). */
  absolutePath(relativePath: string): string {
    return this.prefix + (sep === '/' ? relativePath : relativePath.replaceAll('/', sep));
  }

  /**
   * Sorts one folder's entries (at `prefix`, `''` or ending with `/`) and says which to read next. `names` is the
   * same folder read as bytes, given when a name holds U+FFFD: it tells a bad byte from a real U+FFFD.
   */
  sort(prefix: string, entries: readonly Dirent[], names: readonly Dirent<Buffer>[] | undefined): NextReads {
    this.seen += entries.length;
    if (this.seen > this.maxEntries) throw new Error(`${this.root} holds more than ${this.maxEntries} files and folders.`);
    const notUtf8 = names
      ? new Set(names.filter((e) => !Buffer.from(e.name.toString('utf8'), 'utf8').equals(e.name)).map((e) => e.name.toString('utf8')))
      : undefined;
    const next: NextReads = { folders: [], files: [] };
    for (const entry of entries) {
      const relative = prefix + entry.name;
      const kind: EntryKind | undefined = entry.isSymbolicLink()
        ? 'symlink'
        : entry.isDirectory()
          ? 'folder'
          : entry.isFile()
            ? 'file'
            : undefined;
      if (kind === undefined) continue; // sockets, FIFOs, devices: never part of a skill
      const shown = kind === 'folder' ? `${relative}/` : relative;
      const reason = notUtf8?.has(entry.name) ? 'not-utf8' : this.rules.leftOutReason(relative, kind, entry.name);
      if (reason !== undefined) this.leftOut.push({ relativePath: shown, reason });
      else if (kind === 'folder') next.folders.push(shown);
      else next.files.push(relative);
    }
    return next;
  }

  addFile(relativePath: string, size: number, absolutePath: string): void {
    this.files.push({ relativePath, size, absolutePath });
  }

  result(): SkillFiles {
    const byPath = (a: { relativePath: string }, b: { relativePath: string }): number => (a.relativePath < b.relativePath ? -1 : 1);
    return { files: this.files.sort(byPath), leftOut: this.leftOut.sort(byPath) };
  }
}

function hasBadName(entries: readonly Dirent[]): boolean {
  return entries.some((e) => e.name.includes('\uFFFD'));
}

function hasSkillignore(top: readonly Dirent[], options: CollectOptions): boolean {
  return (options.useSkillignore ?? true) && top.some((e) => e.isFile() && e.name === SKILLIGNORE);
}
