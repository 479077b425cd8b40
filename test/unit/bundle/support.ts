import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { FileSet } from '../../../src/core/bundle/fileSet';

/** Writes `files` (relative path to text or bytes) under `dir`, creating folders. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), content);
  }
}

/** A valid SKILL.md for a skill named `name`. */
export function skillMd(name: string, body = 'Run `scripts/run.py`.\n'): string {
  return `---\nname: ${name}\ndescription: Does ${name} things. Use when testing.\n---\n# ${name}\n\n${body}`;
}

/** A file set from relative paths and texts or bytes, sorted by path. */
export function fileSetOf(folderName: string, files: Record<string, string | Uint8Array>): FileSet {
  const encoder = new TextEncoder();
  const entries = Object.entries(files).map(([p, content]) => ({
    path: p,
    data: typeof content === 'string' ? encoder.encode(content) : content,
  }));
  return { folderName, files: entries.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** Folders nested, a binary file, non-ASCII names and an empty file: what a round trip must keep byte for byte. */
export const AWKWARD_FILES: Record<string, string | Uint8Array> = {
  'scripts/deep/er/run.py': 'print("hello")\n',
  'assets/blob.bin': Uint8Array.from({ length: 512 }, (_, index) => (index * 7) % 256),
  'reference/résumé – naïve 日本.md': 'Ünïcödé content ✓\n',
  'empty.txt': '',
};
