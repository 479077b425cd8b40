/** Finds the skill folders that command-line paths name. */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

/** Folders never searched for skills. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The skill folders found, in order, and the paths that could not be used. */
export interface FoundSkillFolders {
  readonly folders: string[];
  /** The entries of the folders the search read, so linting need not read them again. */
  readonly entries: ReadonlyMap<string, readonly Dirent[]>;
  readonly unreadable: { readonly path: string; readonly reason: string }[];
}

/**
 * Resolves each path to skill folders: a SKILL.md names its folder; a folder holding a SKILL.md (any case)
 * is one; any other folder is searched recursively (skipping node_modules and .git), and is itself
 * reported as a skill folder without SKILL.md when the search finds none.
 */
export async function findSkillFolders(paths: string[]): Promise<FoundSkillFolders> {
  const folders: string[] = [];
  const entries = new Map<string, readonly Dirent[]>();
  const unreadable: { path: string; reason: string }[] = [];
  for (const given of paths) {
    try {
      const stat = await fs.stat(given);
      if (stat.isDirectory()) {
        const found = await search(given, entries);
        folders.push(...(found.length > 0 ? found : [given]));
      } else if (path.basename(given).toLowerCase() === 'skill.md') {
        folders.push(path.dirname(given));
      } else {
        unreadable.push({ path: given, reason: 'is neither a folder nor a SKILL.md file' });
      }
    } catch (error) {
      unreadable.push({ path: given, reason: describeFsError(error) });
    }
  }
  return { folders: [...new Set(folders)], entries, unreadable };
}

async function search(dir: string, read: Map<string, readonly Dirent[]>): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.toLowerCase() === 'skill.md')) {
    read.set(dir, entries);
    return [dir];
  }
  const nested = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.has(e.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((e) => search(path.join(dir, e.name), read)),
  );
  return nested.flat();
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return error instanceof Error ? error.message : String(error);
}
