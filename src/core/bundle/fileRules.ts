/** The one answer to "does this file of a skill folder travel with an upload, and if not, why not". */
import ignore, { type Ignore } from 'ignore';
import type { LeftOutReason } from './leftOutReason';
import { looksLikeSecret } from './secrets';

export type { LeftOutReason } from './leftOutReason';

/** The ignore file of a skill folder, in gitignore syntax. */
export const SKILLIGNORE = '.skillignore';

/**
 * Left out of every upload, in gitignore syntax. `/evals/` only at the skill's root, as skill-creator's
 * `package_skill.py` does (evals describe the skill; they are not part of it).
 */
export const DEFAULT_EXCLUDES: readonly string[] = ['.git/', 'node_modules/', '__pycache__/', '*.pyc', '.DS_Store', SKILLIGNORE, '/evals/'];

/** What kind of entry a path names. */
export type EntryKind = 'file' | 'folder' | 'symlink';

/**
 * DEFAULT_EXCLUDES matched by name, without a pattern engine (most folders have no .skillignore, and the CLI
 * walks thousands): none but `/evals/` has an inner slash, so each matches a name at any depth, as gitignore
 * reads them (`x/` only folders, the others files and folders alike).
 */
const EXCLUDED_FOLDER_NAMES: ReadonlySet<string> = new Set(['.git', 'node_modules', '__pycache__']);
const EXCLUDED_NAMES: ReadonlySet<string> = new Set(['.DS_Store', SKILLIGNORE]);
const EXCLUDED_EXTENSION = '.pyc';
const ROOT_EXCLUDED_FOLDER = 'evals';

/** Whether DEFAULT_EXCLUDES leave out `relativePath`, an entry of `kind` whose name (last segment) is `name`. */
export function isDefaultExcluded(relativePath: string, kind: EntryKind, name = nameOf(relativePath)): boolean {
  if (kind === 'folder' && (EXCLUDED_FOLDER_NAMES.has(name) || relativePath === ROOT_EXCLUDED_FOLDER)) return true;
  return EXCLUDED_NAMES.has(name) || name.endsWith(EXCLUDED_EXTENSION);
}

/**
 * The rules of one skill folder: the default excludes (which `.skillignore` cannot undo), then `.skillignore`,
 * then symbolic links, then secrets that were not allowed by name. Paths are POSIX and relative to the folder.
 */
export class SkillFileRules {
  private readonly skillignore: Ignore | undefined;
  private readonly allowedSecrets: ReadonlySet<string>;

  /** `skillignoreText` is the content of the folder's `.skillignore`, if it has one. */
  constructor(skillignoreText: string | undefined, allowedSecrets: readonly string[] = []) {
    this.skillignore = skillignoreText === undefined ? undefined : ignore().add(skillignoreText);
    this.allowedSecrets = new Set(allowedSecrets);
  }

  /**
   * Why `relativePath` (an entry of `kind`) is left out, or undefined when it is uploaded (folders: looked into).
   * A walk that holds the entry's `name` passes it (cutting it from the path is a call into the runtime per file).
   */
  leftOutReason(relativePath: string, kind: EntryKind, name = nameOf(relativePath)): LeftOutReason | undefined {
    if (isDefaultExcluded(relativePath, kind, name)) return 'default-exclude';
    if (this.skillignore?.ignores(kind === 'folder' ? `${relativePath}/` : relativePath)) return 'skillignore';
    if (kind === 'symlink') return 'symlink';
    if (kind === 'file' && looksLikeSecret(relativePath, name) && !this.allowedSecrets.has(relativePath)) return 'secret';
    return undefined;
  }
}

/** The last segment of a POSIX path. */
function nameOf(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}
