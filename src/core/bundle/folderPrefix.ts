/** The path of a folder as `path.join` writes it before a name, without `path.join`'s pass over every character. */
import { join, sep } from 'node:path';

/**
 * A POSIX path that `path.join` gives back unchanged: no empty, `.` or `..` segment and no trailing slash (what the
 * CLI's search hands over for every folder but the one it was given).
 */
const JOINED_POSIX_PATH = /^\/?(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;

/**
 * `path.join(dir, name).slice(0, -name.length)` for any plain name (not empty, `.` or `..`, no separator): `dir` and a
 * separator, `` for `.`. `path.join` in code that has not warmed up costs some microseconds, paid per folder in a CLI run.
 */
export function folderPrefix(dir: string): string {
  return sep === '/' && JOINED_POSIX_PATH.test(dir) ? `${dir}/` : join(dir, '_').slice(0, -1);
}
