import assert from 'node:assert/strict';
import { mkdtemp, rename, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectSkillFiles } from '../../../src/core/bundle/collectSkillFiles';
import { readFileSet } from '../../../src/core/bundle/fileSet';
import { prepareUpload } from '../../../src/core/bundle/prepareUpload';
import { zipFileSet } from '../../../src/core/bundle/zipFileSet';
import { lintSkillFolder } from '../../../src/core/skill/folder';
import { checkUpload } from '../../../src/emulator/upload';
import { EmulatorApiError } from '../../../src/emulator/apiError';
import { readZip } from '../../../src/core/zip/readZip';
import { skillMd, writeTree } from './support';

describe('the upload is exactly the folder', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'skillsmith-exact-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  it('refuses a file whose folder was swapped for a link to an outside folder between the walk and the read', async () => {
    const dir = path.join(root, 'swapped');
    const outside = path.join(root, 'outside');
    await writeTree(dir, { 'SKILL.md': skillMd('swapped'), 'refs/notes.md': 'inside\n' });
    await writeTree(outside, { 'notes.md': 'OUTSIDE SECRET\n' });
    const collected = await collectSkillFiles(dir);
    await rename(path.join(dir, 'refs'), path.join(root, 'refs-moved'));
    await symlink(outside, path.join(dir, 'refs'));
    await assert.rejects(readFileSet(dir, collected), /`refs\/notes\.md` moved outside the skill folder while it was being read/);
  });

  it('reads 400 files with at most a bounded number open (the files and their order are kept)', async () => {
    const dir = path.join(root, 'many');
    const files: Record<string, string> = { 'SKILL.md': skillMd('many') };
    for (let i = 0; i < 400; i++) files[`refs/f${String(i).padStart(3, '0')}.md`] = `file ${i}\n`;
    await writeTree(dir, files);
    const set = await readFileSet(dir, await collectSkillFiles(dir));
    assert.equal(set.files.length, 401);
    assert.equal(Buffer.from(set.files[400].data).toString(), 'file 399\n');
  });

  describe('one check of paths for the linter, the emulator and the zip reader', () => {
    it('a.txt beside A.txt', async () => {
      const dir = path.join(root, 'cased');
      await writeTree(dir, { 'SKILL.md': skillMd('cased'), 'refs/a.txt': 'a', 'refs/A.txt': 'A' });
      const refused = lintSkillFolder(dir, { profile: 'claude-api' }).diagnostics.filter((d) => d.rule === 'upload-path-refused');
      assert.equal(refused.length, 1);
      assert.match(refused[0].message, /^`refs\/a\.txt` cannot be uploaded: .*differ only in case/);
      const upload = [
        { path: 'cased/SKILL.md', data: Buffer.from(skillMd('cased')) },
        { path: 'cased/refs/A.txt', data: Buffer.from('A') },
        { path: 'cased/refs/a.txt', data: Buffer.from('a') },
      ];
      assert.throws(
        () => checkUpload(upload),
        (error: unknown) => error instanceof EmulatorApiError && error.status === 400,
      );
    });

    it('a top folder named like a drive', async () => {
      const dir = path.join(root, 'C:');
      await mkdir(dir);
      await writeFile(path.join(dir, 'SKILL.md'), skillMd('c'));
      const refused = lintSkillFolder(dir, { profile: 'claude-api' }).diagnostics.filter((d) => d.rule === 'upload-path-refused');
      assert.match(refused[0]?.message ?? '', /^`SKILL\.md` cannot be uploaded: The path "C:\/SKILL\.md" starts with a drive letter/);
      assert.throws(
        () => checkUpload([{ path: 'C:/SKILL.md', data: Buffer.from(skillMd('c')) }]),
        (error: unknown) => error instanceof EmulatorApiError && /drive letter/.test(error.message),
      );
      const zip = await zipFileSet({ folderName: 'C:', files: [{ path: 'SKILL.md', data: Buffer.from(skillMd('c')) }] });
      assert.throws(() => readZip(zip), /drive letter/);
    });
  });

  it('pack leaves out its own output and an earlier pack of the skill, and nothing else', async () => {
    const dir = path.join(root, 'packed');
    await writeTree(dir, { 'SKILL.md': skillMd('packed'), 'data/table.zip': 'PK\u0003\u0004 not a pack of this skill' });
    const earlier = await zipFileSet({ folderName: 'packed', files: [{ path: 'SKILL.md', data: Buffer.from(skillMd('packed')) }] });
    await writeFile(path.join(dir, 'old-build.zip'), earlier);
    await writeFile(path.join(dir, 'packed.zip'), earlier);
    const prepared = await prepareUpload(dir, { packOutput: path.join(dir, 'packed.zip') });
    assert.deepEqual(
      prepared.collected.files.map((f) => f.relativePath),
      ['SKILL.md', 'data/table.zip'],
    );
    assert.deepEqual(
      prepared.collected.leftOut.filter((f) => f.reason === 'pack-output').map((f) => f.relativePath),
      ['old-build.zip', 'packed.zip'],
    );
  });
});
