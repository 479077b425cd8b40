import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectSkillFiles, collectSkillFilesSync } from '../../../src/core/bundle/collectSkillFiles';
import { looksLikeSecret } from '../../../src/core/bundle/secrets';

describe('collectSkillFiles', () => {
  let root: string;
  let dir: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'skillsmith-bundle-'));
    dir = path.join(root, 'skill');
    for (const sub of ['scripts/__pycache__', 'node_modules/pkg', '.git', 'drafts']) await mkdir(path.join(dir, sub), { recursive: true });
    const files: Record<string, string> = {
      'SKILL.md': '---\n---\n',
      'scripts/run.py': 'print(1)\n',
      'scripts/__pycache__/run.cpython-312.pyc': 'x',
      'scripts/old.pyc': 'x',
      'node_modules/pkg/index.js': 'x',
      '.git/HEAD': 'x',
      '.DS_Store': 'x',
      'drafts/notes.md': 'x',
      'notes.log': 'x',
      'keep.log': 'x',
      '.skillignore': 'drafts/\n*.log\n!keep.log\n',
      'config/.env.local': 'A=placeholder\n',
      'certs/server.pem': 'placeholder',
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    await writeFile(path.join(root, 'outside.txt'), 'secret-ish');
    await symlink(path.join(root, 'outside.txt'), path.join(dir, 'link.txt'));
    await symlink(path.join(root), path.join(dir, 'scripts', 'up'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the files to upload with sizes, applying default excludes and .skillignore', async () => {
    const collected = await collectSkillFiles(dir);
    assert.deepEqual(
      collected.files.map((f) => [f.relativePath, f.size]),
      [
        ['SKILL.md', 8],
        ['certs/server.pem', 11],
        ['config/.env.local', 14],
        ['keep.log', 1],
        ['scripts/run.py', 9],
      ],
    );
    assert.equal(collected.files[0].absolutePath, path.join(dir, 'SKILL.md'));
    assert.deepEqual(collected.excluded, ['.DS_Store', '.git/', '.skillignore', 'drafts/', 'node_modules/', 'notes.log', 'scripts/__pycache__/', 'scripts/old.pyc']);
  });

  it('reports symbolic links without following them, and files that look like secrets', async () => {
    const collected = await collectSkillFiles(dir);
    assert.deepEqual(collected.symlinks, ['link.txt', 'scripts/up']);
    assert.deepEqual(collected.secrets, ['certs/server.pem', 'config/.env.local']);
  });

  it('can ignore .skillignore', async () => {
    const collected = await collectSkillFiles(dir, { useSkillignore: false });
    assert.ok(collected.files.some((f) => f.relativePath === 'drafts/notes.md'));
  });

  it('gives the same lists synchronously', async () => {
    assert.deepEqual(collectSkillFilesSync(dir), await collectSkillFiles(dir));
    assert.deepEqual(collectSkillFilesSync(dir, { useSkillignore: false }), await collectSkillFiles(dir, { useSkillignore: false }));
  });

  it('leaves out by name exactly what the default excludes do as gitignore patterns', async () => {
    const names = path.join(root, 'names');
    for (const folder of ['a/.git', 'a/node_modules', 'b/__pycache__', 'c/.DS_Store', 'c/x.pyc', 'd/git', 'd/.gitkeep', 'd/node_modules.md', 'f', 'g']) mkdirSync(path.join(names, folder), { recursive: true });
    for (const file of ['a/.git/f', 'a/node_modules/f', 'b/__pycache__/f', 'c/.DS_Store/f', 'c/x.pyc/f', 'd/git/f', 'd/.gitkeep/f', 'd/node_modules.md/f', 'e.pyc', 'e.pyc.txt', 'f/.DS_Store', 'f/.git', 'f/node_modules', 'g/.skillignore.bak']) {
      writeFileSync(path.join(names, file), 'x');
    }
    const byName = collectSkillFilesSync(names);
    writeFileSync(path.join(names, '.skillignore'), '# the default excludes only\n');
    const byPatterns = collectSkillFilesSync(names);
    assert.deepEqual(byName.files.map((f) => f.relativePath), byPatterns.files.map((f) => f.relativePath).filter((p) => p !== '.skillignore'));
    assert.deepEqual([...byName.excluded, '.skillignore'].sort(), byPatterns.excluded);
  });

  it('lists names that are not UTF-8 apart, and walks the rest of the folder', async () => {
    const latin = path.join(root, 'latin');
    mkdirSync(path.join(latin, 'ok'), { recursive: true });
    writeFileSync(path.join(latin, 'ok', 'a.md'), 'a');
    writeFileSync(Buffer.concat([Buffer.from(latin + '/'), Buffer.from([0x72, 0xe9, 0x73]), Buffer.from('.md')]), 'x');
    writeFileSync(path.join(latin, 'real-\uFFFD.md'), 'a real U+FFFD is valid UTF-8');
    for (const collected of [collectSkillFilesSync(latin), await collectSkillFiles(latin)]) {
      assert.deepEqual(collected.notUtf8, ['r\uFFFDs.md']);
      assert.deepEqual(collected.files.map((f) => f.relativePath), ['ok/a.md', 'real-\uFFFD.md']);
    }
  });

  it('rejects a folder that does not exist', async () => {
    await assert.rejects(collectSkillFiles(path.join(root, 'missing')), { code: 'ENOENT' });
  });
});

describe('looksLikeSecret', () => {
  it('knows the usual secret file names, and leaves ordinary files alone', () => {
    for (const name of ['.env', '.env.production', 'a/b/key.pem', 'tls.key', 'id_rsa', 'id_ed25519', 'id_rsa.old', '.npmrc', 'gcp-credentials.json', 'credentials.json', 'client_secret_123.json']) {
      assert.equal(looksLikeSecret(name), true, name);
    }
    for (const name of ['SKILL.md', 'environment.md', 'keys.md', 'scripts/key_points.py', 'credentials.md', 'monkey.json', 'id_ed25519.pub', 'keys/id_rsa.pub']) {
      assert.equal(looksLikeSecret(name), false, name);
    }
  });
});
