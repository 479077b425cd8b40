// The I/O floor of the lint benchmark: a fresh Node process that only finds the skill folders under a
// root (skipping node_modules and .git) and reads each SKILL.md, the least any linter must do.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

async function walk(dir, out) {
  const entries = await readdir(dir, { withFileTypes: true });
  const skill = entries.find((e) => e.isFile() && e.name === 'SKILL.md');
  if (skill) out.push(await readFile(path.join(dir, skill.name), 'utf8'));
  await Promise.all(entries.filter((e) => e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git').map((e) => walk(path.join(dir, e.name), out)));
}

const texts = [];
await walk(process.argv[2], texts);
process.stdout.write(JSON.stringify({ skills: texts.length, chars: texts.reduce((n, t) => n + t.length, 0) }) + '\n');
