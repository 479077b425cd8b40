// The I/O floor of the lint benchmark: a fresh Node process doing the least any folder linter must do, as fast
// as Node does it (synchronously, no promises): walk the tree (skipping node_modules and .git) with readdirSync
// and file types; in each skill folder (one holding a SKILL.md) list every file with its size (what the upload
// checks need) and read it (what the security scan needs: every file an upload carries), SKILL.md as text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SKIPPED = new Set(['node_modules', '.git']);
const totals = { skills: 0, files: 0, bytes: 0, read: 0, chars: 0 };

/** Every file under the skill folder `dir` (entries `entries`), with its size. */
function listFiles(dir, entries) {
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, readdirSync(full, { withFileTypes: true }));
    else if (entry.isFile()) {
      totals.files++;
      totals.bytes += statSync(full).size;
      totals.read += readFileSync(full).length;
    }
  }
}

function walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name === 'SKILL.md')) {
    totals.skills++;
    listFiles(dir, entries);
    totals.chars += readFileSync(path.join(dir, 'SKILL.md'), 'utf8').length;
    return;
  }
  for (const entry of entries) if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(path.join(dir, entry.name));
}

walk(process.argv[2]);
process.stdout.write(JSON.stringify(totals) + '\n');
