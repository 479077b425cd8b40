/** Walks a skill folder to find the files an upload would carry, never following symbolic links. */
import { promises as fs, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { looksLikeSecret } from './secrets';

/** The ignore file of a skill folder, in gitignore syntax. */
export const SKILLIGNORE = '.skillignore';

/** Left out of every upload, in gitignore syntax. */
export const DEFAULT_EXCLUDES: readonly string[] = ['.git/', 'node_modules/', '__pycache__/', '*.pyc', '.DS_Store', SKILLIGNORE];

/**
 * DEFAULT_EXCLUDES by name: none has an inner slash, so each matches a name at any depth, as gitignore reads them
 * (`x/` only folders, the others files and folders alike).
 */
const EXCLUDED_FOLDER_NAMES = new Set(['.git', 'node_modules', '__pycache__']);
const EXCLUDED_NAMES = new Set(['.DS_Store', SKILLIGNORE]);
const EXCLUDED_EXTENSION = '.pyc';

/** Which paths (folders end with `/`) are left out of an upload. */
interface ExcludeRules {
  ignores(relativePath: string): boolean;
}

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
  /**
   * Files and folders (ending with `/`) whose names are not valid UTF-8, shown with U+FFFD for each bad byte:
   * no upload can carry them, so they are listed here instead of in `files`.
   */
  readonly notUtf8: string[];
}

/** Options of the walk. */
export interface CollectOptions {
  /** Read `.skillignore` from the folder (default true). */
  readonly useSkillignore?: boolean;
  /** The folder's entries, when the caller has just read them. */
  readonly entries?: readonly Dirent[];
}

/** What one folder's entries ask the walk to read next, by path relative to the skill folder. */
interface NextReads {
  readonly folders: string[];
  readonly files: string[];
}

/**
 * Lists the files of the skill folder `dir` as an upload would see them. Rejects when `dir`, a subfolder or its
 * .skillignore cannot be read. Reads a few folders at a time; `collectSkillFilesSync` is the same walk, faster
 * when nothing else waits on the thread (the CLI).
 */
export async function collectSkillFiles(dir: string, options: CollectOptions = {}): Promise<SkillFiles> {
  const top = options.entries ?? (await fs.readdir(dir, { withFileTypes: true }));
  const rules = hasSkillignore(top, options) ? customRules(await fs.readFile(path.join(dir, SKILLIGNORE), 'utf8')) : DEFAULT_RULES;
  const result = emptyResult();
  const visit = async (prefix: string, entries: readonly Dirent[]): Promise<void> => {
    const names = hasBadName(entries) ? await fs.readdir(path.join(dir, prefix), { withFileTypes: true, encoding: 'buffer' }) : undefined;
    const next = sortEntries(prefix, entries, names, rules, result);
    await Promise.all([
      ...next.folders.map(async (folder) => visit(folder, await fs.readdir(path.join(dir, folder), { withFileTypes: true }))),
      ...next.files.map(async (file) => addFile(result, dir, file, (await fs.stat(path.join(dir, file))).size)),
    ]);
  };
  await visit('', top);
  return finish(result);
}

/** `collectSkillFiles` with synchronous reads: throws where that rejects. */
export function collectSkillFilesSync(dir: string, options: CollectOptions = {}): SkillFiles {
  const top = options.entries ?? readdirSync(dir, { withFileTypes: true });
  const rules = hasSkillignore(top, options) ? customRules(readFileSync(path.join(dir, SKILLIGNORE), 'utf8')) : DEFAULT_RULES;
  const result = emptyResult();
  const visit = (prefix: string, entries: readonly Dirent[]): void => {
    const names = hasBadName(entries) ? readdirSync(path.join(dir, prefix), { withFileTypes: true, encoding: 'buffer' }) : undefined;
    const next = sortEntries(prefix, entries, names, rules, result);
    for (const folder of next.folders) visit(folder, readdirSync(path.join(dir, folder), { withFileTypes: true }));
    for (const file of next.files) addFile(result, dir, file, statSync(path.join(dir, file)).size);
  };
  visit('', top);
  return finish(result);
}

/**
 * Sorts one folder's entries (at `prefix`, `''` or ending with `/`) into `result` and says which to read next.
 * `names` is the same folder read as bytes, given when a name holds U+FFFD: it tells a bad byte from a real U+FFFD.
 */
function sortEntries(prefix: string, entries: readonly Dirent[], names: readonly Dirent<Buffer>[] | undefined, rules: ExcludeRules, result: SkillFiles): NextReads {
  const next: NextReads = { folders: [], files: [] };
  const notUtf8 = names ? new Set(names.filter((e) => !Buffer.from(e.name.toString('utf8'), 'utf8').equals(e.name)).map((e) => e.name.toString('utf8'))) : undefined;
  for (const entry of entries) {
    const relative = prefix + entry.name;
    if (notUtf8?.has(entry.name)) {
      result.notUtf8.push(entry.isDirectory() ? relative + '/' : relative);
    } else if (entry.isSymbolicLink()) {
      result.symlinks.push(relative);
    } else if (entry.isDirectory()) {
      const folder = relative + '/';
      if (rules.ignores(folder)) result.excluded.push(folder);
      else next.folders.push(folder);
    } else if (entry.isFile()) {
      if (rules.ignores(relative)) result.excluded.push(relative);
      else next.files.push(relative);
    }
  }
  return next;
}

function hasBadName(entries: readonly Dirent[]): boolean {
  return entries.some((e) => e.name.includes('\uFFFD'));
}

function addFile(result: SkillFiles, root: string, relativePath: string, size: number): void {
  result.files.push({ relativePath, size, absolutePath: path.join(root, relativePath) });
}

function emptyResult(): SkillFiles {
  return { files: [], excluded: [], symlinks: [], secrets: [], notUtf8: [] };
}

/** Sorts the lists and finds the secrets. */
function finish(result: SkillFiles): SkillFiles {
  result.files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
  for (const list of [result.excluded, result.symlinks, result.notUtf8]) list.sort();
  for (const file of result.files) if (looksLikeSecret(file.relativePath)) result.secrets.push(file.relativePath);
  return result;
}

function hasSkillignore(top: readonly Dirent[], options: CollectOptions): boolean {
  return (options.useSkillignore ?? true) && top.some((e) => e.isFile() && e.name === SKILLIGNORE);
}

/** The rules of a folder without .skillignore (most of them): DEFAULT_EXCLUDES matched by name, without a pattern engine. */
const DEFAULT_RULES: ExcludeRules = {
  ignores(relativePath) {
    const isFolder = relativePath.endsWith('/');
    const end = isFolder ? relativePath.length - 1 : relativePath.length;
    const name = relativePath.slice(relativePath.lastIndexOf('/', end - 1) + 1, end);
    return (isFolder && EXCLUDED_FOLDER_NAMES.has(name)) || EXCLUDED_NAMES.has(name) || name.endsWith(EXCLUDED_EXTENSION);
  },
};

function customRules(skillignore: string): Ignore {
  return ignore().add([...DEFAULT_EXCLUDES]).add(skillignore);
}
