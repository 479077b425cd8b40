/** Finds the skill folders that command-line paths name. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { messageOf } from '../messageOf';

/** Folders never searched for skills. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A path that could not be used, and why. */
export interface UnreadablePath {
  readonly path: string;
  readonly reason: string;
}

/** Called with each skill folder found, in order, and the entries the search read of it (undefined for a SKILL.md path). */
export type SkillFolderVisitor = (dir: string, entries: readonly Dirent[] | undefined) => void;

/**
 * Resolves each path to skill folders, handing each to `visit` as soon as it is found (so a tree of any size is
 * never held whole): a SKILL.md names its folder; a folder holding a SKILL.md (any case) is one; any other folder
 * is searched recursively (skipping node_modules and .git), and is itself a skill folder without SKILL.md when the
 * search finds none. A folder is visited once however many paths lead to it. Returns the paths that could not be
 * used: a subfolder that cannot be read (or whose name is not valid UTF-8) is listed without hiding the skills found
 * beside it. Reads synchronously: it serves the CLI, where nothing else waits on the thread. `visit` must not throw.
 */
export function findSkillFolders(paths: readonly string[], visit: SkillFolderVisitor): UnreadablePath[] {
  const visited = new Set<string>();
  const once: SkillFolderVisitor = (dir, entries) => {
    if (visited.has(dir)) return;
    visited.add(dir);
    visit(dir, entries);
  };
  const unreadable: UnreadablePath[] = [];
  for (const given of paths) {
    try {
      if (statSync(given).isDirectory()) {
        const top = readdirSync(given, { withFileTypes: true });
        const state: SearchState = { found: 0, visit: once, unreadable: [] };
        search(given, top, state, false);
        unreadable.push(...state.unreadable.sort((a, b) => (a.path < b.path ? -1 : 1)));
        if (state.found === 0) once(given, top);
      } else if (basename(given).toLowerCase() === 'skill.md') {
        once(dirname(given), undefined);
      } else {
        unreadable.push({ path: given, reason: 'is neither a folder nor a SKILL.md file' });
      }
    } catch (error) {
      unreadable.push({ path: given, reason: describeFsError(error) });
    }
  }
  return unreadable;
}

/** What one search of a given folder keeps track of. */
interface SearchState {
  found: number;
  readonly visit: SkillFolderVisitor;
  readonly unreadable: UnreadablePath[];
}

/**
 * Visits the skill folders under `dir` (whose `entries` were just read), in name order. `normalized` when `dir` is
 * already as `path.join` writes it (a folder the search joined): its subfolders are named by concatenation, which
 * gives the same path without `path.join`'s pass over every character (thousands of folders in a CLI run).
 */
function search(dir: string, entries: readonly Dirent[], state: SearchState, normalized: boolean): void {
  if (entries.some((e) => e.isFile() && e.name.toLowerCase() === 'skill.md')) {
    state.found++;
    state.visit(dir, entries);
    return;
  }
  const subfolders = entries.filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of subfolders) {
    const subfolder = normalized ? dir + sep + e.name : join(dir, e.name);
    let children: Dirent[];
    try {
      children = readdirSync(subfolder, { withFileTypes: true });
    } catch (error) {
      const badName = e.name.includes('\uFFFD') && (error as NodeJS.ErrnoException).code === 'ENOENT';
      state.unreadable.push({
        path: subfolder,
        reason: badName ? 'cannot be read: its name is not valid UTF-8; rename it' : describeFsError(error),
      });
      continue;
    }
    search(subfolder, children, state, true);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return messageOf(error);
}
