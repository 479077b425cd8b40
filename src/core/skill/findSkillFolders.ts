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
 * reported as a skill folder without SKILL.md when the search finds none. A subfolder that cannot be read
 * is listed in `unreadable` without hiding the skills found beside it.
 */
export async function findSkillFolders(paths: string[]): Promise<FoundSkillFolders> {
  const folders: string[] = [];
  const entries = new Map<string, readonly Dirent[]>();
  const unreadable: { path: string; reason: string }[] = [];
  for (const given of paths) {
    try {
      const stat = await fs.stat(given);
      if (stat.isDirectory()) {
        const firstNested = unreadable.length;
        const found = await search(given, entries, unreadable, await fs.readdir(given, { withFileTypes: true }));
        unreadable.push(...unreadable.splice(firstNested).sort((a, b) => (a.path < b.path ? -1 : 1)));
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

/**
 * The skill folders under `dir`, whose `entries` were just read. A subfolder that cannot be read goes to
 * `unreadable` and the search goes on beside it.
 */
async function search(
  dir: string,
  read: Map<string, readonly Dirent[]>,
  unreadable: { path: string; reason: string }[],
  entries: readonly Dirent[],
): Promise<string[]> {
  if (entries.some((e) => e.isFile() && e.name.toLowerCase() === 'skill.md')) {
    read.set(dir, entries);
    return [dir];
  }
  const subfolders = entries.filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const nested = await Promise.all(
    subfolders.map(async (e) => {
      const subfolder = path.join(dir, e.name);
      let children: Dirent[];
      try {
        children = await fs.readdir(subfolder, { withFileTypes: true });
      } catch (error) {
        unreadable.push({ path: subfolder, reason: describeFsError(error) });
        return [];
      }
      return search(subfolder, read, unreadable, children);
    }),
  );
  return nested.flat();
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return error instanceof Error ? error.message : String(error);
}
