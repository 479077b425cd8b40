/** Walks a skill folder to find the files an upload would carry, never following symbolic links. */
import { promises as fs } from 'node:fs';
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
}

/** Lists the files of the skill folder `dir` as an upload would see them. Rejects when `dir` cannot be read. */
export async function collectSkillFiles(dir: string, options: CollectOptions = {}): Promise<SkillFiles> {
  const rules = await ignoreRules(dir, options.useSkillignore ?? true);
  const result: SkillFiles = { files: [], excluded: [], symlinks: [], secrets: [] };
  await walk(dir, '', rules, result);
  result.files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
  for (const list of [result.excluded, result.symlinks]) list.sort();
  result.secrets.push(...result.files.map((f) => f.relativePath).filter(looksLikeSecret));
  return result;
}

async function walk(root: string, prefix: string, rules: Ignore, result: SkillFiles): Promise<void> {
  const entries = await fs.readdir(path.join(root, prefix), { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries) {
    const relative = prefix + entry.name;
    if (entry.isSymbolicLink()) {
      result.symlinks.push(relative);
    } else if (entry.isDirectory()) {
      if (rules.ignores(relative + '/')) result.excluded.push(relative + '/');
      else folders.push(relative + '/');
    } else if (entry.isFile()) {
      if (rules.ignores(relative)) {
        result.excluded.push(relative);
      } else {
        const absolutePath = path.join(root, relative);
        const { size } = await fs.stat(absolutePath);
        result.files.push({ relativePath: relative, size, absolutePath });
      }
    }
  }
  await Promise.all(folders.map((folder) => walk(root, folder, rules, result)));
}

async function ignoreRules(dir: string, useSkillignore: boolean): Promise<Ignore> {
  const rules = ignore().add([...DEFAULT_EXCLUDES]);
  if (!useSkillignore) return rules;
  try {
    return rules.add(await fs.readFile(path.join(dir, SKILLIGNORE), 'utf8'));
  } catch {
    return rules;
  }
}
