import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ignore from 'ignore';
import { collectSkillFiles, collectSkillFilesSync, DEFAULT_EXCLUDES } from '../../../src/core/bundle/collectSkillFiles';
import { isDefaultExcluded, type EntryKind } from '../../../src/core/bundle/fileRules';
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
      '.skillignore': 'drafts/\n*.log\n!keep.log\nignored-link\n',
      'config/.env.local': 'A=placeholder\n',
      'certs/server.pem': 'placeholder',
      'evals/evals.json': '{}',
      'scripts/evals/keep.json': '{}',
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    await writeFile(path.join(root, 'outside.txt'), 'secret-ish');
    await symlink(path.join(root, 'outside.txt'), path.join(dir, 'link.txt'));
    await symlink(path.join(root), path.join(dir, 'scripts', 'up'));
    await symlink(path.join(root, 'outside.txt'), path.join(dir, 'ignored-link'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the files to upload with sizes, and each file left out with why', async () => {
    const collected = await collectSkillFiles(dir);
    assert.deepEqual(
      collected.files.map((f) => [f.relativePath, f.size]),
      [
        ['SKILL.md', 8],
        ['keep.log', 1],
        ['scripts/evals/keep.json', 2],
        ['scripts/run.py', 9],
      ],
    );
    assert.equal(collected.files[0].absolutePath, path.join(dir, 'SKILL.md'));
    assert.deepEqual(
      collected.leftOut.map((f) => `${f.relativePath} ${f.reason}`),
      [
        '.DS_Store default-exclude',
        '.git/ default-exclude',
        '.skillignore default-exclude',
        'certs/server.pem secret',
        'config/.env.local secret',
        'drafts/ skillignore',
        'evals/ default-exclude',
        'ignored-link skillignore',
        'link.txt symlink',
        'node_modules/ default-exclude',
        'notes.log skillignore',
        'scripts/__pycache__/ default-exclude',
        'scripts/old.pyc default-exclude',
        'scripts/up symlink',
      ],
    );
  });

  it('uploads a secret only when it is allowed by its path', async () => {
    const collected = await collectSkillFiles(dir, { allowSecrets: ['certs/server.pem', 'server.pem'] });
    assert.ok(collected.files.some((f) => f.relativePath === 'certs/server.pem'));
    assert.deepEqual(
      collected.leftOut.filter((f) => f.reason === 'secret').map((f) => f.relativePath),
      ['config/.env.local'],
    );
  });

  it('.skillignore cannot bring back what is left out by default', async () => {
    const other = path.join(root, 'negated');
    await mkdir(path.join(other, 'node_modules'), { recursive: true });
    await writeFile(path.join(other, 'node_modules', 'x.js'), 'x');
    await writeFile(path.join(other, '.skillignore'), '!node_modules/\n');
    assert.deepEqual((await collectSkillFiles(other)).files, []);
  });

  it('stops with an error beyond the entry cap', async () => {
    await assert.rejects(collectSkillFiles(dir, { maxEntries: 5 }), /more than 5 files and folders/);
  });

  it('can ignore .skillignore', async () => {
    const collected = await collectSkillFiles(dir, { useSkillignore: false });
    assert.ok(collected.files.some((f) => f.relativePath === 'drafts/notes.md'));
  });

  it('gives each file the absolute path path.join gives, however the folder is written', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const root of [
        dir,
        `${dir}${path.sep}`,
        path.join(dir, 'scripts', '..'),
        `${dir}${path.sep}.${path.sep}`,
        '.',
        `.${path.sep}`,
        path.join('..', path.basename(dir)),
      ]) {
        const paths = collectSkillFilesSync(root).files.map((f) => f.absolutePath);
        assert.deepEqual(
          paths,
          collectSkillFilesSync(root).files.map((f) => path.join(root, f.relativePath)),
          root,
        );
        assert.deepEqual(
          (await collectSkillFiles(root)).files.map((f) => f.absolutePath),
          paths,
          root,
        );
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('gives the same lists synchronously', async () => {
    assert.deepEqual(collectSkillFilesSync(dir), await collectSkillFiles(dir));
    assert.deepEqual(collectSkillFilesSync(dir, { useSkillignore: false }), await collectSkillFiles(dir, { useSkillignore: false }));
  });

  it('leaves out by name exactly what the default excludes do as gitignore patterns', () => {
    const patterns = ignore().add([...DEFAULT_EXCLUDES]);
    const entries: [string, EntryKind][] = [];
    for (const name of [
      '.git',
      'node_modules',
      '__pycache__',
      '.DS_Store',
      'x.pyc',
      'git',
      '.gitkeep',
      'node_modules.md',
      'e.pyc.txt',
      '.skillignore',
      '.skillignore.bak',
      'evals',
      'evals.md',
    ]) {
      for (const at of ['', 'a/', 'a/b/']) for (const kind of ['file', 'folder', 'symlink'] as const) entries.push([at + name, kind]);
    }
    for (const [relativePath, kind] of entries) {
      const asPattern = patterns.ignores(kind === 'folder' ? `${relativePath}/` : relativePath);
      assert.equal(isDefaultExcluded(relativePath, kind), asPattern, `${kind} ${relativePath}`);
    }
  });

  it('lists names that are not UTF-8 apart, and walks the rest of the folder', async () => {
    const latin = path.join(root, 'latin');
    mkdirSync(path.join(latin, 'ok'), { recursive: true });
    writeFileSync(path.join(latin, 'ok', 'a.md'), 'a');
    writeFileSync(Buffer.concat([Buffer.from(latin + '/'), Buffer.from([0x72, 0xe9, 0x73]), Buffer.from('.md')]), 'x');
    writeFileSync(path.join(latin, 'real-\uFFFD.md'), 'a real U+FFFD is valid UTF-8');
    for (const collected of [collectSkillFilesSync(latin), await collectSkillFiles(latin)]) {
      assert.deepEqual(collected.leftOut, [{ relativePath: 'r\uFFFDs.md', reason: 'not-utf8' }]);
      assert.deepEqual(
        collected.files.map((f) => f.relativePath),
        ['ok/a.md', 'real-\uFFFD.md'],
      );
    }
  });

  it('rejects a folder that does not exist', async () => {
    await assert.rejects(collectSkillFiles(path.join(root, 'missing')), { code: 'ENOENT' });
  });
});

describe('looksLikeSecret', () => {
  it('knows the usual secret file names, and leaves ordinary files alone', () => {
    for (const name of [
      '.env',
      '.env.production',
      'a/b/key.pem',
      'tls.key',
      'id_rsa',
      'id_ed25519',
      'id_rsa.old',
      '.npmrc',
      'gcp-credentials.json',
      'credentials.json',
      'client_secret_123.json',
    ]) {
      assert.equal(looksLikeSecret(name), true, name);
    }
    for (const name of [
      'SKILL.md',
      'environment.md',
      'keys.md',
      'scripts/key_points.py',
      'credentials.md',
      'monkey.json',
      'id_ed25519.pub',
      'keys/id_rsa.pub',
    ]) {
      assert.equal(looksLikeSecret(name), false, name);
    }
  });
});
