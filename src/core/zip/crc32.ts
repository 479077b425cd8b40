/**
 * CRC-32 (IEEE 802.3, as zip uses it). Node's own `zlib.crc32` (native, from Node 20.15 and 22.2) when the runtime
 * has it; otherwise (the extension host of VS Code 1.90 runs Node 20.9) a slicing-by-8 table in JavaScript, which
 * reads eight bytes per step.
 */
import * as zlib from 'node:zlib';

/** `zlib.crc32`, where the runtime has it. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

let tables: Uint32Array[] | undefined;

/** The eight tables of slicing-by-8: `tables[k][n]` is the CRC of byte `n` followed by `k` zero bytes. */
function crcTables(): Uint32Array[] {
  if (tables) return tables;
  const made = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    made[0][n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) made[k][n] = (made[k - 1][n] >>> 8) ^ made[0][made[k - 1][n] & 0xff];
  }
  tables = made;
  return made;
}

/** The CRC-32 of `data` computed in JavaScript (what runs where `zlib.crc32` is missing). */
export function crc32InJavaScript(data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = crcTables();
  let crc = 0xffffffff;
  let i = 0;
  for (const end = data.length - 7; i < end; i += 8) {
    const low = (crc ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24))) >>> 0;
    crc =
      t7[low & 0xff] ^
      t6[(low >>> 8) & 0xff] ^
      t5[(low >>> 16) & 0xff] ^
      t4[low >>> 24] ^
      t3[data[i + 4]] ^
      t2[data[i + 5]] ^
      t1[data[i + 6]] ^
      t0[data[i + 7]];
  }
  for (; i < data.length; i++) crc = t0[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of `data`, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data) >>> 0 : crc32InJavaScript(data);
}
