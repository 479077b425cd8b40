// Short-named temporary folders: VS Code puts unix sockets under TMPDIR and their paths are limited to ~107 bytes.
import { mkdtempSync, rmSync } from 'node:fs';

/** Creates a fresh folder `/tmp/ss-XXXXXX` (deliberately not os.tmpdir(), which may be long). */
export function makeShortTempDir() {
  return mkdtempSync('/tmp/ss-');
}

/** Removes `dir` and everything in it; never throws. */
export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
