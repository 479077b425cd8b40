import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFileSet } from '../../../src/core/bundle/fileSet';
import { prepareUpload, readPreparedFiles } from '../../../src/core/bundle/prepareUpload';
import { skillMd, writeTree } from './support';

describe('prepareUpload', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'skillsmith-prepare-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  const rulesOf = (prepared: { diagnostics: readonly { rule: string; severity: string }[] }): string[] =>
    prepared.diagnostics.map((d) => `${d.rule}:${d.severity}`);

  it('lints with the claude-api profile and reads the files of a clean folder under its own name', async () => {
    const dir = path.join(root, 'clean-skill');
    await writeTree(dir, { 'SKILL.md': skillMd('clean-skill'), 'scripts/run.py': 'print(1)\n', 'node_modules/x/i.js': 'x' });
    const prepared = await prepareUpload(dir);
    assert.deepEqual(rulesOf(prepared), ['upload-excluded:info']);
    assert.deepEqual(prepared.errors, []);
    assert.equal(prepared.folderName, 'clean-skill');
    assert.equal(prepared.totalBytes, Buffer.byteLength(skillMd('clean-skill')) + 9);
    const set = readPreparedFiles(prepared);
    assert.deepEqual(
      set.files.map((f) => f.path),
      ['SKILL.md', 'scripts/run.py'],
    );
    assert.equal(new TextDecoder().decode(set.files[1].data), 'print(1)\n');
  });

  it('blocks on lint errors, whatever the files', async () => {
    const dir = path.join(root, 'bad-skill');
    await writeTree(dir, { 'SKILL.md': '---\nname: Bad Skill\ndescription: x\n---\nBody\n' });
    const prepared = await prepareUpload(dir);
    assert.deepEqual(
      prepared.errors.map((d) => d.rule),
      ['name-format'],
    );
    assert.throws(() => readPreparedFiles(prepared), /has 1 error to fix first/);
  });

  it('refuses a secret until it is allowed by name, and then sends it', async () => {
    const dir = path.join(root, 'secret-skill');
    await writeTree(dir, { 'SKILL.md': skillMd('secret-skill'), 'config/.env': 'TOKEN=placeholder\n' });
    const refused = await prepareUpload(dir);
    assert.deepEqual(rulesOf(refused), ['upload-secret:error']);
    assert.match(refused.errors[0].message, /`config\/\.env` looks like a secret/);
    const allowed = await prepareUpload(dir, { allowSecrets: ['config/.env'] });
    assert.deepEqual(allowed.errors, []);
    assert.ok(readPreparedFiles(allowed).files.some((f) => f.path === 'config/.env'));
  });

  it('checks the size budget before reading a byte, naming the largest files', async () => {
    const dir = path.join(root, 'big-skill');
    await writeTree(dir, { 'SKILL.md': skillMd('big-skill'), 'data/huge.bin': new Uint8Array(3000), 'data/mid.bin': new Uint8Array(1500) });
    const prepared = await prepareUpload(dir, { limitBytes: 2048 });
    assert.deepEqual(
      prepared.errors.map((d) => d.rule),
      ['upload-too-large'],
    );
    assert.match(prepared.errors[0].message, /The largest: `data\/huge\.bin` \(2\.9 KB\), `data\/mid\.bin` \(1\.5 KB\)/);
  });

  it('leaves symbolic links out and reports them; a file swapped for a link after the walk is not read', async () => {
    const dir = path.join(root, 'link-skill');
    await writeTree(dir, { 'SKILL.md': skillMd('link-skill'), 'notes.md': 'notes\n' });
    await writeFile(path.join(root, 'outside.txt'), 'not yours');
    await symlink(path.join(root, 'outside.txt'), path.join(dir, 'outside-link.md'));
    const prepared = await prepareUpload(dir);
    assert.deepEqual(rulesOf(prepared), ['upload-symlink:error']);
    assert.deepEqual(
      prepared.collected.files.map((f) => f.relativePath),
      ['SKILL.md', 'notes.md'],
    );
    await unlink(path.join(dir, 'notes.md'));
    await symlink(path.join(root, 'outside.txt'), path.join(dir, 'notes.md'));
    await assert.rejects(readFileSet(dir, prepared.collected), { code: 'ELOOP' });
  });

  it('says when a link names a file that exists but is left out of uploads', async () => {
    const dir = path.join(root, 'linked-skill');
    const body = 'See [draft](drafts/plan.md), [env](.env), [missing](nowhere.md) and [evals](evals/cases.json).\n';
    await writeTree(dir, {
      'SKILL.md': skillMd('linked-skill', body),
      'drafts/plan.md': 'x',
      '.skillignore': 'drafts/\n',
      '.env': 'A=b\n',
      'evals/cases.json': '[]',
    });
    const links = (await prepareUpload(dir)).diagnostics.filter((d) => d.rule === 'link-broken').map((d) => d.message);
    assert.deepEqual(links, [
      '`drafts/plan.md` is left out of uploads (listed in .skillignore), so this link breaks once the skill is uploaded: include the file or drop the link.',
      '`.env` is left out of uploads (looks like a secret; allow it by name to upload it), so this link breaks once the skill is uploaded: include the file or drop the link.',
      '`nowhere.md` is not in the skill folder: fix the link or add the file.',
      '`evals/cases.json` is left out of uploads (left out by default), so this link breaks once the skill is uploaded: include the file or drop the link.',
    ]);
  });

  it('leaves out a file holding a key as a secret, says on which line, and takes it back only when allowed by name', async () => {
    const dir = path.join(root, 'keyed-skill');
    const key = `sk-ant-api03-${'Zq8Xv2Lm4Nc6Bt0Rw3Ys5Hd7Kf9Jg1Pa'.repeat(3)}AA`;
    await writeTree(dir, { 'SKILL.md': skillMd('keyed-skill'), 'scripts/run.py': `import os\nKEY = "${key}"\n` });
    const prepared = await prepareUpload(dir);
    const [secret] = prepared.errors;
    assert.equal(secret.rule, 'upload-secret');
    assert.equal(secret.file, 'scripts/run.py');
    assert.equal(secret.range.start.line, 1);
    assert.match(secret.message, /^Line 2 of `scripts\/run\.py` looks like an Anthropic API key/);
    assert.ok(!secret.message.includes(key.slice(20)));
    assert.deepEqual(prepared.collected.leftOut, [{ relativePath: 'scripts/run.py', reason: 'secret' }]);
    assert.deepEqual(
      prepared.contents?.files.map((f) => f.path),
      ['SKILL.md'],
    );
    const allowed = await prepareUpload(dir, { allowSecrets: ['scripts/run.py'] });
    assert.deepEqual(allowed.errors, []);
    assert.deepEqual(
      readPreparedFiles(allowed).files.map((f) => f.path),
      ['SKILL.md', 'scripts/run.py'],
    );
  });
});
