/** The security scan of the files of a skill folder, read as text up to a bound per file. */
import { closeSync, constants, openSync, readSync } from 'node:fs';
import type { Finding } from '../finding';
import { scanUtf8, type ScanTarget } from './scanText';

/** The most bytes of one file the scan reads: a hostile 100 MB file costs no more than this. */
export const MAX_SCAN_BYTES = 4 * 1024 * 1024;

/** Never through a symbolic link in the last segment, never waiting on a FIFO put in a file's place. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The findings of a file's bytes (only the first MAX_SCAN_BYTES are read; binary content, holding NUL, is not scanned). Never throws. */
export function scanBytes(bytes: Uint8Array, target: ScanTarget): Finding[] {
  return scanUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_SCAN_BYTES)), target);
}

/** The buffer every synchronous scan reads into, grown as files need (never past MAX_SCAN_BYTES): one allocation per run, not one per file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The shared buffer, grown to hold at least `wanted` bytes (at most MAX_SCAN_BYTES). */
function sharedBuffer(wanted: number): Buffer {
  if (scratch.length < wanted) scratch = Buffer.allocUnsafe(Math.min(MAX_SCAN_BYTES, Math.max(wanted, scratch.length * 2)));
  return scratch;
}

/**
 * Reads the first MAX_SCAN_BYTES of `absolutePath` (never following a link) and scans them. `size` is what the walk
 * saw; a file that grew since is read up to the bound all the same. Throws when the file cannot be read.
 */
export function scanFileSync(absolutePath: string, size: number, target: ScanTarget): Finding[] {
  const fd = openSync(absolutePath, READ_FLAGS);
  try {
    const buffer = sharedBuffer(Math.min(MAX_SCAN_BYTES, Math.max(size + 1, 1024)));
    let filled = 0;
    for (let read = -1; read !== 0 && filled < buffer.length; filled += read)
      read = readSync(fd, buffer, filled, buffer.length - filled, null);
    return scanUtf8(buffer.subarray(0, filled), target);
  } finally {
    closeSync(fd);
  }
}

/**
 * The whole of `absolutePath` (`size` bytes when the walk listed it), read as `readFileSync` reads it, into the buffer
 * the scans share: valid until the next read, so decode or scan it first. Throws as `readFileSync` does.
 */
export function readWholeFileSync(absolutePath: string, size: number): Buffer {
  const fd = openSync(absolutePath, 'r');
  try {
    let buffer = size < MAX_SCAN_BYTES ? sharedBuffer(size + 1) : Buffer.allocUnsafe(size + 1);
    let filled = 0;
    for (let read = -1; read !== 0; filled += read) {
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]); // it grew since the walk
      read = readSync(fd, buffer, filled, buffer.length - filled, null);
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
