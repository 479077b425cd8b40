/** A generated skill folder for `bench:publish`: 2,000 files, about 25 MB, half text and half binary by size. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { prng as random } from '../../test/unit/skill/frontmatterFuzz';

const TEXT_FILES = 1499;
const BINARY_FILES = 500;
const TEXT_BYTES = 8 * 1024;
const BINARY_BYTES = 26 * 1024;

const WORDS =
  'skill upload folder zip version claude table parse report file script check lint diff export publish the a of to and with'.split(' ');

function textOf(next: () => number, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let line = 1; size < bytes; line++) {
    const words = Array.from({ length: 6 + Math.floor(next() * 8) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    const text = `${line}. ${words.join(' ')}`;
    lines.push(text);
    size += text.length + 1;
  }
  return lines.join('\n') + '\n';
}

function binaryOf(next: () => number, bytes: number): Uint8Array {
  return Uint8Array.from({ length: bytes }, () => Math.floor(next() * 256));
}

const textPath = (i: number): string => `references/part-${String(i % 30).padStart(2, '0')}/topic-${String(i).padStart(4, '0')}.md`;
const binaryPath = (i: number): string => `assets/group-${String(i % 20).padStart(2, '0')}/blob-${String(i).padStart(4, '0')}.bin`;

async function put(dir: string, path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), data);
}

/** Writes the folder; resolves with its uploadable files (relative paths, sorted) and their total size. */
export async function generateSkillFolder(dir: string): Promise<{ files: string[]; bytes: number }> {
  const next = random(42);
  const files: Record<string, string | Uint8Array> = {
    'SKILL.md':
      '---\nname: bench-skill\ndescription: A generated skill for the publish benchmark. Use when measuring.\n---\n# Bench\n\nSee [the first topic](references/part-00/topic-0000.md).\n',
  };
  for (let i = 0; i < TEXT_FILES; i++) files[textPath(i)] = textOf(next, TEXT_BYTES);
  for (let i = 0; i < BINARY_FILES; i++) files[binaryPath(i)] = binaryOf(next, BINARY_BYTES);
  for (const [path, data] of Object.entries(files)) await put(dir, path, data);
  for (let i = 0; i < 20; i++) await put(dir, `node_modules/dep/file-${i}.js`, 'module.exports = 1;\n');
  await put(dir, 'scripts/__pycache__/x.cpython-312.pyc', binaryOf(next, 512));
  const paths = Object.keys(files).sort();
  return {
    files: paths,
    bytes: Object.values(files).reduce((sum, data) => sum + (typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength), 0),
  };
}

/**
 * A second version: 18 text files with a few lines edited and 2 rewritten, 2 binary files changed, 5 files added
 * and 5 removed.
 */
export async function editSkillFolder(dir: string): Promise<void> {
  const next = random(7);
  for (let i = 0; i < 18; i++) {
    const path = join(dir, textPath(i * 70));
    const lines = (await readFile(path, 'utf8')).split('\n');
    for (let edit = 0; edit < 4; edit++) lines[Math.floor(next() * (lines.length - 1))] = `edited: ${textOf(next, 40).trim()}`;
    await writeFile(path, lines.join('\n'));
  }
  for (let i = 18; i < 20; i++) await put(dir, textPath(i * 70), textOf(next, TEXT_BYTES));
  for (let i = 0; i < 2; i++) await put(dir, binaryPath(i * 200), binaryOf(next, BINARY_BYTES));
  for (let i = 0; i < 5; i++) await put(dir, `references/new/added-${i}.md`, textOf(next, 2048));
  for (let i = 0; i < 5; i++) await rm(join(dir, textPath(1000 + i)));
}
