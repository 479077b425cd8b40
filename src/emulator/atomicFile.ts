/** Whole-file writes that a crash cannot leave half done: a temporary `*.tmp` file renamed over the target. */
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TEMPORARY = /\.tmp$/;

/** Writes `data` to `path` through `path.<pid>.tmp` and a rename; on failure the temporary file is removed and the error thrown. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/** Removes the `*.tmp` files in `dir` that an earlier process left when it was killed mid-write. */
export function removeTemporaryFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (TEMPORARY.test(name)) rmSync(join(dir, name), { force: true, recursive: true });
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Not a file we wrote (e.g. a folder in its place): leave it; the start-up clean-up removes it.
  }
}
