import assert from 'node:assert/strict';
import fs, { type Dirent } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findSkillFolders, lintSkillFolder } from '../../../src/core/skill/folder';
import type { UnreadablePath } from '../../../src/core/skill/findSkillFolders';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'skills');
const rules = (dir: string, profile: 'claude-api' | 'spec' = 'claude-api') =>
  lintSkillFolder(dir, { profile }).diagnostics.map((d) => `${d.rule}:${d.severity}`);

describe('lintSkillFolder', () => {
  it('finds nothing wrong with a good skill, whose link names a real file', () => {
    const result = lintSkillFolder(path.join(FIXTURES, 'good-skill'), { profile: 'claude-api' });
    assert.equal(result.file, path.join(FIXTURES, 'good-skill', 'SKILL.md'));
    assert.deepEqual(result.diagnostics, []);
  });

  it('uses the real folder name and files', () => {
    assert.deepEqual(rules(path.join(FIXTURES, 'bad-skill')), ['yaml-syntax:error', 'link-broken:warning', 'link-outside:warning']);
  });

  it('reports a mis-cased skill.md by profile, and still lints it', () => {
    assert.deepEqual(rules(path.join(FIXTURES, 'misnamed-case')), ['skill-md-case:error']);
    assert.deepEqual(rules(path.join(FIXTURES, 'misnamed-case'), 'spec'), ['skill-md-case:warning']);
  });

  describe('on generated folders', () => {
    let root: string;
    before(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'skillsmith-folder-'));
    });
    after(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('reports a folder without SKILL.md', async () => {
      const dir = path.join(root, 'empty');
      await mkdir(dir);
      const result = lintSkillFolder(dir, { profile: 'claude-api' });
      assert.equal(result.file, undefined);
      assert.deepEqual(
        result.diagnostics.map((d) => d.rule),
        ['skill-md-missing'],
      );
    });

    it('adds the upload findings, with a custom size limit', async () => {
      const dir = path.join(root, 'uploads');
      await mkdir(path.join(dir, 'node_modules'), { recursive: true });
      await writeFile(path.join(dir, 'SKILL.md'), '---\nname: uploads\ndescription: Tests uploads.\n---\nBody\n');
      await writeFile(path.join(dir, '.env'), 'TOKEN=placeholder\n');
      await writeFile(path.join(dir, 'big.bin'), Buffer.alloc(2048));
      const result = lintSkillFolder(dir, { profile: 'claude-api', uploadLimitBytes: 1024 });
      assert.deepEqual(
        result.diagnostics.map((d) => `${d.rule}:${d.severity}`),
        ['upload-too-large:error', 'upload-secret:error', 'upload-excluded:info'],
      );
    });
  });
});

/** The folders `findSkillFolders` visits, in order, with the entries it hands over, and what it could not use. */
function found(paths: string[]): { folders: string[]; entries: Map<string, readonly Dirent[] | undefined>; unreadable: UnreadablePath[] } {
  const entries = new Map<string, readonly Dirent[] | undefined>();
  const unreadable = findSkillFolders(paths, (dir, dirEntries) => {
    assert.ok(!entries.has(dir), `${dir} visited twice`);
    entries.set(dir, dirEntries);
  });
  return { folders: [...entries.keys()], entries, unreadable };
}

describe('findSkillFolders', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'skillsmith-find-'));
    for (const dir of ['a/one', 'b/deeper/two', 'node_modules/dep', '.git/x', 'c/Case', 'plain/sub'])
      await mkdir(path.join(root, dir), { recursive: true });
    for (const file of ['a/one/SKILL.md', 'b/deeper/two/SKILL.md', 'node_modules/dep/SKILL.md', '.git/x/SKILL.md', 'c/Case/Skill.md']) {
      await writeFile(path.join(root, file), '---\n---\n');
    }
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('searches folders recursively, skipping node_modules and .git, and finds mis-cased files', () => {
    const result = found([root]);
    assert.deepEqual(
      result.folders,
      ['a/one', 'b/deeper/two', 'c/Case'].map((d) => path.join(root, d)),
    );
    assert.deepEqual(result.unreadable, []);
  });

  it('hands over the entries it read, which lint the same as a fresh read', () => {
    const { entries } = found([FIXTURES]);
    const dir = path.join(FIXTURES, 'bad-skill');
    assert.ok(entries.get(dir));
    const reused = lintSkillFolder(dir, { profile: 'claude-api', entries: entries.get(dir) });
    assert.deepEqual(reused, lintSkillFolder(dir, { profile: 'claude-api' }));
  });

  it('accepts a SKILL.md path, reports missing paths, and treats a folder without skills as one skill folder', () => {
    const result = found([path.join(root, 'a/one/SKILL.md'), path.join(root, 'nope'), path.join(root, 'plain')]);
    assert.deepEqual(result.folders, [path.join(root, 'a/one'), path.join(root, 'plain')]);
    assert.deepEqual(result.unreadable, [{ path: path.join(root, 'nope'), reason: 'does not exist' }]);
  });

  it('visits a folder once, whichever paths lead to it', () => {
    const result = found([path.join(root, 'a'), path.join(root, 'a/one/SKILL.md'), root, path.join(root, 'a/one')]);
    assert.deepEqual(
      result.folders,
      ['a/one', 'b/deeper/two', 'c/Case'].map((d) => path.join(root, d)),
    );
  });

  it('reports a subfolder it cannot read and still finds the skills beside it', (t) => {
    const blocked = path.join(root, 'b');
    const readdirSync = fs.readdirSync.bind(fs);
    const denied = Object.assign(new Error(`EACCES: permission denied, scandir '${blocked}'`), { code: 'EACCES' });
    t.mock.method(fs, 'readdirSync', (dir: string, options: { withFileTypes: true }) => {
      if (dir === blocked) throw denied;
      return readdirSync(dir, options);
    });
    const result = found([root]);
    assert.deepEqual(
      result.folders,
      ['a/one', 'c/Case'].map((d) => path.join(root, d)),
    );
    assert.deepEqual(result.unreadable, [{ path: blocked, reason: 'cannot be read (permission denied)' }]);
  });
});
