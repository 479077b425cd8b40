/**
 * A small, strict zip reader for downloaded skill versions: everything in memory, every entry checked.
 * It refuses what could escape a folder or exhaust memory instead of trying to make sense of it.
 */
import { inflateRawSync } from 'node:zlib';
import { countOf, formatCount } from '../text/count';
import { crc32 } from './crc32';
import { SkillPaths } from './skillPaths';
import { ZipError } from './zipError';

/** Limits that stop zip bombs; the defaults are far above what the Skills API accepts (30 MB). */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
}

/** The defaults: 10,000 entries and 200 MB uncompressed. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 200 * 1024 * 1024 };

/** One file of an archive: a normalised relative path (`/`-separated) and its bytes. */
export interface ZipFile {
  readonly path: string;
  readonly data: Uint8Array;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
/** The most entries the 16-bit count of an archive without zip64 can say. */
const MAX_ENTRIES_WITHOUT_ZIP64 = 0xffff;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Reads every file of a zip archive. Directory entries are dropped (folders follow from paths).
 * Throws `ZipError` for a damaged archive (including a CRC-32 that does not match), encryption, zip64, unsupported
 * compression, a symlink, an unsafe path (`..`, absolute, drive letter), paths no folder could hold (twice, differing
 * only in case, a file that is also a folder, too long or deep: `PathTree`), or more than the limits allow. The entry count is the central directory's real one, never the 16-bit field alone: an archive over 65,535
 * entries without zip64 is refused, not read in part.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view, findEndOfCentralDirectory(view), limits.maxEntries);
  const files: ZipFile[] = [];
  const paths = new SkillPaths();
  let totalBytes = 0;
  for (const entry of entries) {
    if (entry.rawName.endsWith('/')) continue;
    const path = paths.add(entry.rawName);
    totalBytes += entry.size;
    if (totalBytes > limits.maxTotalBytes) {
      throw new ZipError(`The archive unpacks to more than ${limits.maxTotalBytes} bytes.`);
    }
    files.push({ path, data: readEntryData(bytes, view, entry) });
  }
  return files;
}

/**
 * Every entry of the central directory, walked through the bytes it declares (not counted by its 16-bit field),
 * stopping as soon as there are more than `maxEntries`.
 */
function readCentralDirectory(bytes: Uint8Array, view: DataView, eocd: number, maxEntries: number): CentralEntry[] {
  const declared = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  const zip64 = (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) || declared === 0xffff || start === 0xffffffff;
  if (zip64) throw new ZipError('The archive uses zip64, which Skillsmith does not read.');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 8, true) !== declared) {
    throw new ZipError('The archive spans several disks, which Skillsmith does not read.');
  }
  const end = start + size;
  if (end > eocd) throw new ZipError('The zip archive is damaged (its central directory overlaps its end record).');
  const entries: CentralEntry[] = [];
  for (let offset = start; offset < end;) {
    if (entries.length === maxEntries) {
      throw new ZipError(`The archive has at least ${maxEntries + 1} entries; at most ${maxEntries} are allowed.`);
    }
    const entry = readCentralEntry(bytes, view, offset);
    entries.push(entry);
    offset = entry.next;
    if (offset > end) throw new ZipError('The zip archive is damaged (bad central directory).');
  }
  if (entries.length !== declared) {
    const reason =
      entries.length > MAX_ENTRIES_WITHOUT_ZIP64
        ? `over ${formatCount(MAX_ENTRIES_WITHOUT_ZIP64)} entries an archive needs zip64`
        : 'the archive is damaged';
    throw new ZipError(
      `The archive holds ${countOf(entries.length, 'entry', 'entries')} but says it holds ${formatCount(declared)}: ${reason}. It was refused rather than read in part.`,
    );
  }
  return entries;
}

/** What the central directory says about one entry. */
interface CentralEntry {
  readonly rawName: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly next: number;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipError('The download is not a zip archive (no end-of-directory record).');
}

function readCentralEntry(bytes: Uint8Array, view: DataView, at: number): CentralEntry {
  if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
    throw new ZipError('The zip archive is damaged (bad central directory).');
  }
  const flags = view.getUint16(at + 8, true);
  if (flags & 1) throw new ZipError('The zip archive is encrypted.');
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const rawName = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
  const hostSystem = view.getUint8(at + 5);
  const unixMode = view.getUint32(at + 38, true) >>> 16;
  if (hostSystem === UNIX_HOST && (unixMode & S_IFMT) === S_IFLNK) {
    throw new ZipError(`The archive entry "${rawName}" is a symbolic link; links are not allowed.`);
  }
  return {
    rawName,
    method: view.getUint16(at + 10, true),
    crc32: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localOffset: view.getUint32(at + 42, true),
    next: at + 46 + nameLength + extraLength + commentLength,
  };
}

/** The entry's bytes, decompressed and checked against the CRC-32 the archive records. */
function readEntryData(bytes: Uint8Array, view: DataView, entry: CentralEntry): Uint8Array {
  const data = readStoredOrInflated(bytes, view, entry);
  if (crc32(data) !== entry.crc32)
    throw new ZipError(`The archive entry "${entry.rawName}" is damaged: its CRC-32 does not match its contents.`);
  return data;
}

function readStoredOrInflated(bytes: Uint8Array, view: DataView, entry: CentralEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipError(`The zip archive is damaged (entry "${entry.rawName}").`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new ZipError(`The zip archive is truncated (entry "${entry.rawName}").`);
  const compressed = bytes.subarray(start, end);
  if (entry.method === METHOD_STORE) {
    if (entry.compressedSize !== entry.size) throw new ZipError(`The zip archive is damaged (entry "${entry.rawName}").`);
    return compressed.slice();
  }
  if (entry.method !== METHOD_DEFLATE) {
    throw new ZipError(`The archive entry "${entry.rawName}" uses an unsupported compression method (${entry.method}).`);
  }
  return inflateEntry(compressed, entry);
}

function inflateEntry(compressed: Uint8Array, entry: CentralEntry): Uint8Array {
  let data: Buffer;
  try {
    // maxOutputLength stops an entry that inflates beyond what it declared (a bomb lying about its size).
    data = inflateRawSync(compressed, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    throw new ZipError(`The archive entry "${entry.rawName}" could not be decompressed or is larger than it declares.`);
  }
  if (data.byteLength !== entry.size) throw new ZipError(`The archive entry "${entry.rawName}" has the wrong size.`);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
