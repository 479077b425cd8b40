/** Walks a skill folder to find the files an upload would carry, never following symbolic links. */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { looksLikeSecret } from './secrets';

/** The ignore file of a skill folder, in gitignore syntax. */
export const SKILLIGNORE = '.skillignore';

/** Left out of every upload, in gitignore syntax. */
export const DEFAULT_EXCLUDES: readonly string[] = ['.git/', 'node_modules/', '__pycache__/', '*.pyc', '.DS_Store', SKILLIGNORE];

/** A file an upload would carry. */
export interface SkillFile {
  /** POSIX path relative to the skill folder. */
  readonly relativePath: string;
  readonly size: number;
  readonly absolutePath: string;
}

/** What is in a skill folder, from an upload's point of view. Every path is POSIX and relative to the folder. */
export interface SkillFiles {
  /** The files to upload, sorted by path (secrets included: the caller decides). */
  readonly files: SkillFile[];
  /** Left out by the default excludes or `.skillignore`; folders end with `/`. */
  readonly excluded: string[];
  /** Symbolic links found, never followed. */
  readonly symlinks: string[];
  /** Files among `files` that look like secrets. */
  readonly secrets: string[];
}

/** Options of the walk. */
export interface CollectOptions {
  /** Read `.skillignore` from the folder (default true). */
  readonly useSkillignore?: boolean;
  /** The folder's entries, when the caller has just read them. */
  readonly entries?: readonly Dirent[];
}

/** Lists the files of the skill folder `dir` as an upload would see them. Rejects when `dir`, a subfolder or its .skillignore cannot be read. */
export async function collectSkillFiles(dir: string, options: CollectOptions = {}): Promise<SkillFiles> {
  const top = options.entries ?? (await fs.readdir(dir, { withFileTypes: true }));
  const hasSkillignore = (options.useSkillignore ?? true) && top.some((e) => e.isFile() && e.name === SKILLIGNORE);
  const rules = await ignoreRules(dir, hasSkillignore);
  const result: SkillFiles = { files: [], excluded: [], symlinks: [], secrets: [] };
  await walk(dir, '', top, rules, result);
  result.files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
  for (const list of [result.excluded, result.symlinks]) list.sort();
  result.secrets.push(...result.files.map((f) => f.relativePath).filter(looksLikeSecret));
  return result;
}

async function walk(root: string, prefix: string, entries: readonly Dirent[], rules: Ignore, result: SkillFiles): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const entry of entries) {
    const relative = prefix + entry.name;
    if (entry.isSymbolicLink()) {
      result.symlinks.push(relative);
    } else if (entry.isDirectory()) {
      const folder = relative + '/';
      if (rules.ignores(folder)) result.excluded.push(folder);
      else pending.push(fs.readdir(path.join(root, folder), { withFileTypes: true }).then((children) => walk(root, folder, children, rules, result)));
    } else if (entry.isFile()) {
      if (rules.ignores(relative)) {
        result.excluded.push(relative);
      } else {
        const absolutePath = path.join(root, relative);
        pending.push(fs.stat(absolutePath).then(({ size }) => void result.files.push({ relativePath: relative, size, absolutePath })));
      }
    }
  }
  await Promise.all(pending);
}

/** The default rules, compiled once: most folders have no .skillignore. */
let defaultRules: Ignore | undefined;

async function ignoreRules(dir: string, readSkillignore: boolean): Promise<Ignore> {
  if (!readSkillignore) return (defaultRules ??= ignore().add([...DEFAULT_EXCLUDES]));
  return ignore().add([...DEFAULT_EXCLUDES]).add(await fs.readFile(path.join(dir, SKILLIGNORE), 'utf8'));
}
