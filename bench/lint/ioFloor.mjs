// The I/O floor of the lint benchmark: a fresh Node process doing the least any folder linter must do, as fast
// as Node does it (synchronously, no promises): walk the tree (skipping node_modules and .git) with readdirSync
// and file types; in each skill folder (one holding a SKILL.md) list every file with its size (what the upload
// checks need) and read it once (what the security scan needs: every file an upload carries): SKILL.md as text,
// the others into one reused buffer (open, read to the end, close), as the scan reads them.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SKIPPED = new Set(['node_modules', '.git']);
const totals = { skills: 0, files: 0, bytes: 0, read: 0, chars: 0 };
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Reads the file at `full` (`size` bytes when listed) to its end into `scratch`; the bytes read. */
function readBytes(full, size) {
  if (scratch.length <= size) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2));
  const fd = openSync(full, 'r');
  let filled = 0;
  for (let read = -1; read !== 0 && filled < scratch.length; filled += read)
    read = readSync(fd, scratch, filled, scratch.length - filled, null);
  closeSync(fd);
  return filled;
}

/** Every file under the skill folder `dir` (entries `entries`; `top` for the folder itself), with its size, read. */
function listFiles(dir, entries, top) {
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, readdirSync(full, { withFileTypes: true }), false);
    else if (entry.isFile()) {
      totals.files++;
      const size = statSync(full).size;
      totals.bytes += size;
      if (top && entry.name === 'SKILL.md') totals.chars += readFileSync(full, 'utf8').length;
      else totals.read += readBytes(full, size);
    }
  }
}

function walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name === 'SKILL.md')) {
    totals.skills++;
    listFiles(dir, entries, true);
    return;
  }
  for (const entry of entries) if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(path.join(dir, entry.name));
}

walk(process.argv[2]);
process.stdout.write(JSON.stringify(totals) + '\n');
