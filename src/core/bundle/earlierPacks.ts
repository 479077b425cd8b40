/** What `skillsmith pack` run inside a skill folder must not pack: its own output, and zips an earlier pack wrote there. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SkillFiles } from './collectSkillFiles';

/** The signature of a zip's local file header, which a pack's first entry starts with. */
const LOCAL_HEADER = 0x04034b50;
/** The header's fixed part, then as much of the first name as tells its top folder. */
const HEADER_BYTES = 30;

/**
 * `collected` without the zip at `output` (absolute, where pack writes) and without the `*.zip` files whose first
 * entry sits under `folderName/` (a pack of this very skill, as every pack puts each file under the folder's name),
 * both listed as left out (`pack-output`).
 */
export async function leaveOutPacks(collected: SkillFiles, output: string, folderName: string): Promise<SkillFiles> {
  const target = path.resolve(output);
  const packs = new Set<string>();
  for (const file of collected.files) {
    if (
      path.resolve(file.absolutePath) === target ||
      (file.relativePath.toLowerCase().endsWith('.zip') && (await firstEntryUnder(file.absolutePath, folderName)))
    )
      packs.add(file.relativePath);
  }
  if (packs.size === 0) return collected;
  const leftOut = collected.leftOut.concat([...packs].map((relativePath) => ({ relativePath, reason: 'pack-output' as const })));
  return {
    files: collected.files.filter((f) => !packs.has(f.relativePath)),
    leftOut: leftOut.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1)),
  };
}

/** True when the zip at `file` starts with an entry named `folderName/…`. */
async function firstEntryUnder(file: string, folderName: string): Promise<boolean> {
  const prefix = Buffer.from(`${folderName}/`, 'utf8');
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(HEADER_BYTES + prefix.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead < head.length || head.readUInt32LE(0) !== LOCAL_HEADER) return false;
    return head.readUInt16LE(26) > prefix.length && head.subarray(HEADER_BYTES).equals(prefix);
  } finally {
    await handle.close();
  }
}
