/** Walks a skill folder to find the files an upload would carry, never following symbolic links. */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { SKILLIGNORE, SkillFileRules, type LeftOutReason } from './fileRules';

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
  /** Everything left out, sorted by path: excluded folders are listed once, not looked into. */
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
 * its .skillignore cannot be read, or when the folder holds more than `maxEntries` entries.
 */
export async function collectSkillFiles(dir: string, options: CollectOptions = {}): Promise<SkillFiles> {
  const top = options.entries ?? (await fs.readdir(dir, { withFileTypes: true }));
  const hasSkillignore = (options.useSkillignore ?? true) && top.some((e) => e.isFile() && e.name === SKILLIGNORE);
  const skillignore = hasSkillignore ? await fs.readFile(path.join(dir, SKILLIGNORE), 'utf8') : undefined;
  const walk = new Walk(dir, new SkillFileRules(skillignore, options.allowSecrets), options.maxEntries ?? Infinity);
  await walk.folder('', top);
  const byPath = (a: { relativePath: string }, b: { relativePath: string }): number => (a.relativePath < b.relativePath ? -1 : 1);
  return { files: walk.files.sort(byPath), leftOut: walk.leftOut.sort(byPath) };
}

/** One walk of a folder tree: what it found so far. */
class Walk {
  readonly files: SkillFile[] = [];
  readonly leftOut: LeftOutFile[] = [];
  private seen = 0;

  constructor(
    private readonly root: string,
    private readonly rules: SkillFileRules,
    private readonly maxEntries: number,
  ) {}

  async folder(prefix: string, entries: readonly Dirent[]): Promise<void> {
    this.seen += entries.length;
    if (this.seen > this.maxEntries) throw new Error(`${this.root} holds more than ${this.maxEntries} files and folders.`);
    const pending: Promise<void>[] = [];
    for (const entry of entries) {
      const relative = prefix + entry.name;
      const kind = entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
      if (kind === undefined) continue; // sockets, FIFOs, devices: never part of a skill
      const reason = this.rules.leftOutReason(relative, kind);
      if (reason !== undefined) {
        this.leftOut.push({ relativePath: kind === 'folder' ? `${relative}/` : relative, reason });
      } else if (kind === 'folder') {
        const folder = `${relative}/`;
        pending.push(fs.readdir(path.join(this.root, folder), { withFileTypes: true }).then((children) => this.folder(folder, children)));
      } else {
        const absolutePath = path.join(this.root, relative);
        pending.push(fs.stat(absolutePath).then(({ size }) => void this.files.push({ relativePath: relative, size, absolutePath })));
      }
    }
    await Promise.all(pending);
  }
}
