/**
 * A small, strict zip reader for downloaded skill versions: everything in memory, every entry checked.
 * It refuses what could escape a folder or exhaust memory instead of trying to make sense of it.
 */
import { inflateRawSync } from 'node:zlib';
import { checkEntryPath } from './checkEntryPath';
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
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const UNIX_HOST = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Reads every file of a zip archive. Directory entries are dropped (folders follow from paths).
 * Throws `ZipError` for a damaged archive, encryption, zip64, unsupported compression, a symlink,
 * an unsafe path (`..`, absolute, drive letter), duplicate paths, or more than the limits allow.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const entryCount = view.getUint16(eocd + 10, true);
  if (entryCount === 0xffff) throw new ZipError('The archive uses zip64, which Skillsmith does not read.');
  if (entryCount > limits.maxEntries) {
    throw new ZipError(`The archive has ${entryCount} entries; at most ${limits.maxEntries} are allowed.`);
  }
  let offset = view.getUint32(eocd + 16, true);
  const files: ZipFile[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  for (let i = 0; i < entryCount; i++) {
    const entry = readCentralEntry(bytes, view, offset);
    offset = entry.next;
    if (entry.rawName.endsWith('/')) continue;
    const path = checkEntryPath(entry.rawName);
    if (seen.has(path.toLowerCase())) throw new ZipError(`The archive holds "${path}" twice.`);
    seen.add(path.toLowerCase());
    totalBytes += entry.size;
    if (totalBytes > limits.maxTotalBytes) {
      throw new ZipError(`The archive unpacks to more than ${limits.maxTotalBytes} bytes.`);
    }
    files.push({ path, data: readEntryData(bytes, view, entry) });
  }
  return files;
}

/** What the central directory says about one entry. */
interface CentralEntry {
  readonly rawName: string;
  readonly method: number;
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
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localOffset: view.getUint32(at + 42, true),
    next: at + 46 + nameLength + extraLength + commentLength,
  };
}

function readEntryData(bytes: Uint8Array, view: DataView, entry: CentralEntry): Uint8Array {
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
