/** File contents in a `--data` folder, stored once each under their SHA-256: `blobs/<sha256>`. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomicFile';

/** The SHA-256 of `data`, in hex. */
export function sha256Of(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Content-addressed blobs in one folder. Writing a blob that exists costs nothing. */
export class BlobStore {
  private readonly present: Set<string>;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.present = new Set(readdirSync(dir).filter((name) => /^[0-9a-f]{64}$/.test(name)));
  }

  /** Writes `data` as the blob `sha256` unless it is there already; atomic, so a crash leaves no half blob. */
  put(sha256: string, data: Uint8Array): void {
    if (this.present.has(sha256)) return;
    writeFileAtomically(join(this.dir, sha256), data);
    this.present.add(sha256);
  }

  /** The blob's bytes, checked against its name and size; throws a message naming what is wrong. */
  read(sha256: string, size: number): Uint8Array {
    const path = join(this.dir, sha256);
    if (!this.present.has(sha256)) throw new Error(`the blob ${path} is missing`);
    const data = new Uint8Array(readFileSync(path));
    if (data.byteLength !== size || sha256Of(data) !== sha256)
      throw new Error(`the blob ${path} does not hold the contents its name promises`);
    return data;
  }

  /** Removes every blob not in `keep` (left by deleted versions or by a change whose save failed). */
  removeAllBut(keep: ReadonlySet<string>): void {
    for (const sha256 of this.present) {
      if (keep.has(sha256)) continue;
      rmSync(join(this.dir, sha256), { force: true });
      this.present.delete(sha256);
    }
  }
}
