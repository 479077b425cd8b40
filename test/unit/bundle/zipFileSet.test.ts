import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { hashFileSet } from '../../../src/core/bundle/hashFileSet';
import { unzipFileSet } from '../../../src/core/bundle/unzipFileSet';
import { zipFileSet } from '../../../src/core/bundle/zipFileSet';
import { readZip } from '../../../src/core/zip/readZip';
import { AWKWARD_FILES, fileSetOf, skillMd } from './support';

const set = fileSetOf('my-skill', { 'SKILL.md': skillMd('my-skill'), ...AWKWARD_FILES });

describe('zipFileSet', () => {
  it('puts every file under the one top-level folder, sorted, with SKILL.md at its root and no folder entries', async () => {
    const zip = await JSZip.loadAsync(await zipFileSet(set));
    const names = Object.keys(zip.files);
    assert.deepEqual(names, set.files.map((f) => `my-skill/${f.path}`).sort());
    assert.ok(names.includes('my-skill/SKILL.md'));
    assert.ok(Object.values(zip.files).every((entry) => !entry.dir && entry.date.getTime() === Date.UTC(1980, 0, 1)));
  });

  it('gives the same bytes for the same files, whatever order they come in', async () => {
    const reversed = { ...set, files: [...set.files].reverse() };
    assert.deepEqual(await zipFileSet(reversed), await zipFileSet(set));
    const edited = fileSetOf('my-skill', { 'SKILL.md': skillMd('my-skill', 'changed\n'), ...AWKWARD_FILES });
    assert.notDeepEqual(await zipFileSet(edited), await zipFileSet(set));
  });

  it('round-trips through the safe reader byte for byte: nested folders, binary, non-ASCII names, an empty file', async () => {
    const back = unzipFileSet(await zipFileSet(set));
    assert.equal(back.folderName, 'my-skill');
    assert.deepEqual(back.files, set.files);
    assert.equal(hashFileSet(back), hashFileSet(set));
    assert.equal(readZip(await zipFileSet(set)).length, set.files.length);
  });
});

describe('unzipFileSet', () => {
  const zipOf = async (files: Record<string, string>): Promise<Uint8Array> => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: 'uint8array' });
  };

  it('refuses files outside one top-level folder', () => {
    assert.throws(() => unzipFileSet(rootFile), /outside a top-level folder/);
  });

  it('refuses more than one top-level folder, naming them', () => {
    assert.throws(() => unzipFileSet(twoFolders), /2 top-level folders \(a, b\)/);
  });

  let rootFile: Uint8Array;
  let twoFolders: Uint8Array;
  before(async () => {
    rootFile = await zipOf({ 'SKILL.md': 'x' });
    twoFolders = await zipOf({ 'a/SKILL.md': 'x', 'b/SKILL.md': 'y' });
  });
});
