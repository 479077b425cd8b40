/** Finds the skill folders that command-line paths name. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';

/** Folders never searched for skills. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A path that could not be used, and why. */
export interface UnreadablePath {
  readonly path: string;
  readonly reason: string;
}

/** The skill folders found, in order, and the paths that could not be used. */
export interface FoundSkillFolders {
  readonly folders: string[];
  /** The entries of the folders the search read, so linting need not read them again. */
  readonly entries: ReadonlyMap<string, readonly Dirent[]>;
  readonly unreadable: UnreadablePath[];
}

/**
 * Resolves each path to skill folders: a SKILL.md names its folder; a folder holding a SKILL.md (any case)
 * is one; any other folder is searched recursively (skipping node_modules and .git), and is itself
 * reported as a skill folder without SKILL.md when the search finds none. A subfolder that cannot be read
 * (or whose name is not valid UTF-8) is listed in `unreadable` without hiding the skills found beside it.
 * Reads synchronously: it serves the CLI, where nothing else waits on the thread.
 */
export function findSkillFolders(paths: readonly string[]): FoundSkillFolders {
  const folders: string[] = [];
  const entries = new Map<string, readonly Dirent[]>();
  const unreadable: UnreadablePath[] = [];
  for (const given of paths) {
    try {
      if (statSync(given).isDirectory()) {
        const nested: UnreadablePath[] = [];
        const found: string[] = [];
        search(given, readdirSync(given, { withFileTypes: true }), { found, entries, unreadable: nested });
        unreadable.push(...nested.sort((a, b) => (a.path < b.path ? -1 : 1)));
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

/** What the search collects. */
interface SearchState {
  readonly found: string[];
  readonly entries: Map<string, readonly Dirent[]>;
  readonly unreadable: UnreadablePath[];
}

/** Adds the skill folders under `dir` (whose `entries` were just read) to `state.found`, in name order. */
function search(dir: string, entries: readonly Dirent[], state: SearchState): void {
  if (entries.some((e) => e.isFile() && e.name.toLowerCase() === 'skill.md')) {
    state.entries.set(dir, entries);
    state.found.push(dir);
    return;
  }
  const subfolders = entries.filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of subfolders) {
    const subfolder = path.join(dir, e.name);
    let children: Dirent[];
    try {
      children = readdirSync(subfolder, { withFileTypes: true });
    } catch (error) {
      const badName = e.name.includes('\uFFFD') && (error as NodeJS.ErrnoException).code === 'ENOENT';
      state.unreadable.push({ path: subfolder, reason: badName ? 'cannot be read: its name is not valid UTF-8; rename it' : describeFsError(error) });
      continue;
    }
    search(subfolder, children, state);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return error instanceof Error ? error.message : String(error);
}
