import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { readZip } from '../../../src/core/zip/readZip';
import { resolveUnder } from '../../../src/core/zip/resolveUnder';
import { ZipError } from '../../../src/core/zip/zipError';

async function zipOf(files: Record<string, string>, options: { compression?: 'STORE' | 'DEFLATE' } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: options.compression ?? 'DEFLATE' });
}

const text = (data: Uint8Array): string => new TextDecoder().decode(data);

test('reads deflated and stored entries with their paths, dropping folder entries', async () => {
  for (const compression of ['DEFLATE', 'STORE'] as const) {
    const bytes = await zipOf({ 'my-skill/SKILL.md': '---\nname: x\n---\n', 'my-skill/scripts/run.py': 'print(1)\n' }, { compression });
    const files = readZip(bytes);
    assert.deepEqual(files.map((f) => f.path).sort(), ['my-skill/SKILL.md', 'my-skill/scripts/run.py']);
    assert.equal(text(files.find((f) => f.path.endsWith('run.py'))!.data), 'print(1)\n');
  }
});

/** Zips `xx/evil.txt`, then rewrites that name in place (same length) to `name`, as a hostile server could. */
async function zipWithRawName(name: string): Promise<Uint8Array> {
  const bytes = await zipOf({ 'xx/evil.txt': 'boom' });
  const placeholder = Buffer.from('xx/evil.txt');
  const buffer = Buffer.from(bytes);
  for (let at = buffer.indexOf(placeholder); at !== -1; at = buffer.indexOf(placeholder, at + 1)) {
    buffer.write(name, at, 'latin1');
  }
  return new Uint8Array(buffer);
}

test('refuses entries that climb out, are absolute or carry a drive letter', async () => {
  const cases: Array<[string, RegExp]> = [
    ['../evil.txt', /climbs out/],
    ['/x/evil.txt', /is absolute/],
    ['C:/evil.txt', /drive letter/],
    ['x\\evil.txt1', /backslash/],
  ];
  for (const [name, reason] of cases) {
    await assert.rejects(async () => readZip(await zipWithRawName(name)), reason, name);
  }
});

test('refuses symbolic links', async () => {
  const zip = new JSZip();
  zip.file('link', '/etc/passwd', { unixPermissions: 0o120777 });
  const bytes = await zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
  assert.throws(() => readZip(bytes), /symbolic link/);
});

test('caps the number of entries and the uncompressed size', async () => {
  const many = await zipOf({ 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
  assert.throws(() => readZip(many, { maxEntries: 2, maxTotalBytes: 1000 }), /3 entries/);
  const big = await zipOf({ 'big.txt': 'x'.repeat(100_000) });
  assert.throws(() => readZip(big, { maxEntries: 10, maxTotalBytes: 50_000 }), /more than 50000 bytes/);
});

test('refuses an entry that inflates beyond the size it declares', async () => {
  const bytes = await zipOf({ 'bomb.txt': 'x'.repeat(10_000) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const central = bytes.findIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
  view.setUint32(central + 24, 10, true); // declare 10 bytes uncompressed
  assert.throws(() => readZip(bytes), /larger than it declares|wrong size/);
});

test('refuses bytes that are not a zip archive', () => {
  assert.throws(() => readZip(new TextEncoder().encode('not a zip at all, just text')), /not a zip archive/);
});

test('resolveUnder keeps every entry inside the destination', () => {
  assert.equal(resolveUnder('/tmp/dest', 'skill/SKILL.md'), '/tmp/dest/skill/SKILL.md');
  assert.throws(() => resolveUnder('/tmp/dest', '../x'), ZipError);
  assert.throws(() => resolveUnder('/tmp/dest', '/etc/passwd'), ZipError);
  assert.throws(() => resolveUnder('/tmp/dest', './'), ZipError);
});

test('resolveUnder accepts names that merely start with two dots', () => {
  assert.equal(resolveUnder('/tmp/dest', 'skill/..notes.md'), '/tmp/dest/skill/..notes.md');
  assert.equal(resolveUnder('/tmp/dest', '..hidden/a.txt'), '/tmp/dest/..hidden/a.txt');
});

/** A zip of empty stored files named `names`, written as a careless writer does: the 16-bit count wraps past 65,535. */
function storedZipOf(names: readonly string[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(local, 30);
    const central = Buffer.alloc(46 + nameBytes.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    nameBytes.copy(central, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length & 0xffff, 8);
  end.writeUInt16LE(names.length & 0xffff, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const numbered = (count: number): string[] => Array.from({ length: count }, (_, i) => `s/f${i}`);

test('counts the entries of the central directory itself: 70,001 entries are not read as 4,465, and the cap applies', () => {
  const bytes = storedZipOf(numbered(70_001));
  assert.throws(() => readZip(bytes), /at least 10001 entries; at most 10000 are allowed/);
  assert.throws(
    () => readZip(bytes, { maxEntries: 100_000, maxTotalBytes: 1000 }),
    /holds 70,001 entries but says it holds 4,465: over 65,535 entries an archive needs zip64/,
  );
});

test('reads an archive whose count is right, and refuses one whose count is wrong', () => {
  assert.equal(readZip(storedZipOf(numbered(3))).length, 3);
  const bytes = storedZipOf(numbered(3));
  const view = new DataView(bytes.buffer);
  view.setUint16(bytes.length - 22 + 8, 2, true);
  view.setUint16(bytes.length - 22 + 10, 2, true);
  assert.throws(() => readZip(bytes), /holds 3 entries but says it holds 2: the archive is damaged/);
});

test('refuses an entry whose contents do not match their CRC-32', async () => {
  for (const compression of ['STORE', 'DEFLATE'] as const) {
    const bytes = await zipOf({ 'my-skill/SKILL.md': 'x'.repeat(200) }, { compression });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const central = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // the file, after its folder
    view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 1, true);
    assert.throws(() => readZip(bytes), /"my-skill\/SKILL\.md" is damaged: its CRC-32 does not match/, compression);
  }
});

test("refuses an archive where a file is also another file's folder, or two names differ only in case", () => {
  assert.throws(() => readZip(storedZipOf(['s/a', 's/a/b'])), /"s\/a" is a file, but "s\/a\/b" needs it to be a folder/);
  assert.throws(() => readZip(storedZipOf(['s/a.txt', 's/A.txt'])), /differ only in case/);
});
