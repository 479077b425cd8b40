import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { createSkillsClient, downloadFileSet, findVersion, publishSkill, type SkillsClient } from '../../../src/core/api';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { collect } from '../../unit/api/collect';
import { fileSetOf, skillMd, writeTree } from '../../unit/bundle/support';
import { TEST_KEY } from '../../unit/emulator/support';
import { outcomeOf, type Outcome } from '../../support/outcome';
import { lintReportOf, publishedOf, refusedOf } from '../../support/cliJson';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

describe('skillsmith pack, publish and diff (built dist/cli.js)', () => {
  let emulator: RunningEmulator;
  let root: string;
  let dir: string;

  /** Runs the built CLI in `root` against the emulator; resolves with the exit code and output, whatever the code. */
  function skillsmith(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
    const base = { ...process.env, NO_COLOR: '1', ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: emulator.url };
    return outcomeOf(process.execPath, [CLI, ...args], { cwd: root, env: { ...base, ...env } });
  }

  before(async () => {
    await run(process.execPath, ['esbuild.js'], { cwd: ROOT });
    emulator = await startEmulator();
    root = await mkdtemp(path.join(tmpdir(), 'skillsmith-cli-'));
    dir = path.join(root, 'cli-skill');
    await writeTree(dir, {
      'SKILL.md': skillMd('cli-skill'),
      'scripts/run.py': 'print(1)\n',
      'logo.bin': Uint8Array.of(0, 1, 2, 3),
      '__pycache__/x.pyc': 'x',
    });
  });
  after(async () => {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  });

  describe('pack', () => {
    it('writes the same zip every time, with one top-level folder and only the files an upload carries', async () => {
      const first = await skillsmith(['pack', 'cli-skill', '-o', 'first.zip']);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^Packed cli-skill \(3 files, .*\) into first\.zip\n$/);
      assert.equal((await skillsmith(['pack', 'cli-skill'])).code, 0);
      const [a, b] = await Promise.all([readFile(path.join(root, 'first.zip')), readFile(path.join(root, 'cli-skill.zip'))]);
      assert.deepEqual(a, b);
      assert.deepEqual(Object.keys((await JSZip.loadAsync(a)).files), [
        'cli-skill/SKILL.md',
        'cli-skill/logo.bin',
        'cli-skill/scripts/run.py',
      ]);
    });

    it('exits 1 on lint errors and writes nothing; 2 on usage errors', async () => {
      const bad = path.join(root, 'Bad Skill');
      await writeTree(bad, { 'SKILL.md': '---\nname: Bad Skill\n---\n' });
      const refused = await skillsmith(['pack', 'Bad Skill', '-o', 'bad.zip']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /name-format/);
      assert.ok(!(await readdir(root)).includes('bad.zip'));
      assert.equal((await skillsmith(['pack'])).code, 2);
      assert.equal((await skillsmith(['pack', 'a', 'b'])).code, 2);
      assert.equal((await skillsmith(['pack', 'cli-skill', '--upload-limit-mb', 'lots'])).code, 2);
      assert.equal((await skillsmith(['pack', 'missing-folder'])).code, 2);
    });
  });

  describe('publish', () => {
    it('--dry-run prints the file list and the checks without uploading', async () => {
      const seen: string[] = [];
      const stop = emulator.admin.onRequest((request) => seen.push(request.path));
      const text = await skillsmith(['publish', 'cli-skill', '--dry-run'], { ANTHROPIC_API_KEY: '' });
      const json = await skillsmith(['publish', 'cli-skill', '--dry-run', '--skill-id', 'skill_x', '--format', 'json']);
      stop();
      assert.deepEqual(seen, []);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^cli-skill: 3 files, \d+ B of 30\.0 MB\n {2}SKILL\.md/);
      assert.match(text.stdout, /Left out:\n {2}__pycache__\/ +left out by default\n/);
      assert.match(text.stdout, /Dry run: nothing was uploaded\.\n$/);
      const document = publishedOf(json.stdout);
      assert.equal(json.code, 0);
      assert.deepEqual([document.skill_id, document.version, document.files, document.dry_run], ['skill_x', null, 3, true]);
      assert.deepEqual(document.left_out, [{ path: '__pycache__/', reason: 'default-exclude' }]);
    });

    it('publishes a new skill and a new version, printing what it created, the version’s label and ids, or JSON {skill_id, version, files, bytes}', async () => {
      const created = await skillsmith(['publish', 'cli-skill', '--new', '--display-name', 'CLI skill', '--format', 'json']);
      assert.equal(created.code, 0, created.stderr);
      const document = publishedOf(created.stdout);
      assert.deepEqual(Object.keys(document), ['skill_id', 'version', 'files', 'bytes']);
      assert.equal(document.files, 3);
      const skill = emulator.admin.store.find(document.skill_id);
      assert.equal(skill.displayName, 'CLI skill');
      const version = await skillsmith(['publish', 'cli-skill', '--skill-id', document.skill_id]);
      assert.equal(version.code, 0, version.stderr);
      assert.match(
        version.stdout,
        new RegExp(`^Published cli-skill to skill ${document.skill_id}: v2, version skver_\\w+ \\(3 files, \\d+ B\\)\\.\\n$`),
      );
      const again = await skillsmith(['publish', 'cli-skill', '--new']);
      assert.match(again.stdout, /^Created skill skill_\w+ from cli-skill: v1, version skver_\w+ \(3 files, \d+ B\)\.\n$/);
      assert.equal(skill.versions.length, 2);
    });

    it('exits 1 on lint errors (nothing sent) and on a refused upload, naming the rule and the request id', async () => {
      const unsafe = path.join(root, 'secret-skill');
      await writeTree(unsafe, { 'SKILL.md': skillMd('secret-skill'), '.env': 'TOKEN=placeholder\n' });
      const gated = await skillsmith(['publish', 'secret-skill', '--new']);
      assert.equal(gated.code, 1);
      assert.match(gated.stderr, /upload-secret[\s\S]*Fix the lint errors first; nothing was uploaded\./);
      assert.equal((await skillsmith(['publish', 'secret-skill', '--new', '--allow-secret', '.env'])).code, 0);

      const other = path.join(root, 'other-skill');
      await writeTree(other, { 'SKILL.md': skillMd('other-skill') });
      const first = publishedOf((await skillsmith(['publish', 'cli-skill', '--new', '--format', 'json'])).stdout);
      const refused = await skillsmith(['publish', 'other-skill', '--skill-id', first.skill_id, '--format', 'json']);
      assert.equal(refused.code, 1);
      const { error } = refusedOf(refused.stdout);
      assert.equal(error.status, 400);
      assert.match(error.request_id, /^req_/);
      assert.match(error.message, /same name/);

      const tooLong = await skillsmith(['publish', 'cli-skill', '--new', '--display-name', 'x'.repeat(256)]);
      assert.equal(tooLong.code, 1);
      assert.match(tooLong.stderr, /display-name-too-long/);
    });

    it('exits 2 on usage errors and without a key', async () => {
      for (const args of [
        ['cli-skill'],
        ['cli-skill', '--new', '--skill-id', 'x'],
        ['cli-skill', '--display-name', 'x'],
        ['cli-skill', '--new', '--format', 'xml'],
        ['cli-skill', '--bogus'],
      ]) {
        assert.equal((await skillsmith(['publish', ...args])).code, 2, args.join(' '));
      }
      const noKey = await skillsmith(['publish', 'cli-skill', '--new'], { ANTHROPIC_API_KEY: '' });
      assert.equal(noKey.code, 2);
      assert.match(noKey.stderr, /ANTHROPIC_API_KEY/);
    });

    it('takes the base URL from --base-url over ANTHROPIC_BASE_URL', async () => {
      const outcome = await skillsmith(['publish', 'cli-skill', '--new', '--base-url', emulator.url, '--format', 'json'], {
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      });
      assert.equal(outcome.code, 0, outcome.stderr);
    });
  });

  describe('diff', () => {
    it('exits 0 when identical, 1 with a unified diff or JSON when different, 2 on errors', async () => {
      const { skill_id: skillId } = publishedOf((await skillsmith(['publish', 'cli-skill', '--new', '--format', 'json'])).stdout);
      const same = await skillsmith(['diff', 'cli-skill', '--skill-id', skillId]);
      assert.deepEqual([same.code, same.stdout], [0, '']);

      await writeFile(path.join(dir, 'SKILL.md'), skillMd('cli-skill', 'Changed body.\n'));
      await writeFile(path.join(dir, 'logo.bin'), Uint8Array.of(9, 0, 9));
      await writeFile(path.join(dir, 'notes.md'), 'new\n');
      const text = await skillsmith(['diff', 'cli-skill', '--skill-id', skillId, '--version', 'latest']);
      assert.equal(text.code, 1, text.stderr);
      assert.match(text.stdout, /^--- a\/SKILL\.md\n\+\+\+ b\/SKILL\.md\n@@ .* @@\n[\s\S]*-Run `scripts\/run\.py`\.\n\+Changed body\.\n/);
      assert.match(text.stdout, /\nBinary files a\/logo\.bin and b\/logo\.bin differ\n/);
      assert.match(text.stdout, /\n--- \/dev\/null\n\+\+\+ b\/notes\.md\n/);
      const json = await skillsmith(['diff', 'cli-skill', '--skill-id', skillId, '--format', 'json']);
      assert.equal(json.code, 1);
      assert.deepEqual(JSON.parse(json.stdout), { added: ['notes.md'], removed: [], changed: ['SKILL.md', 'logo.bin'] });

      const missing = await skillsmith(['diff', 'cli-skill', '--skill-id', 'skill_missing']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /Could not download version latest of skill_missing: Not found \(404\).*request id req_/);
      assert.equal((await skillsmith(['diff', 'cli-skill'])).code, 2);
      assert.equal((await skillsmith(['diff', 'cli-skill', '--skill-id', skillId], { ANTHROPIC_API_KEY: '' })).code, 2);
    });
  });

  describe('publish --from-version', () => {
    let client: SkillsClient;
    let skillId: string;

    before(async () => {
      client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, maxRetries: 0 });
      ({ skillId } = await publishSkill(client, fileSetOf('roll-back', { 'SKILL.md': skillMd('roll-back'), 'notes.md': 'first\n' }), {
        newSkill: true,
      }));
      await publishSkill(
        client,
        fileSetOf('roll-back', { 'SKILL.md': skillMd('roll-back', 'Broken.\n'), 'scripts/run.py': 'print(1)\n' }),
        { skillId },
      );
    });

    it('--dry-run prints what changes against the latest and publishes nothing', async () => {
      const dry = await skillsmith(['publish', '--from-version', 'v1', '--skill-id', skillId, '--dry-run']);
      assert.equal(dry.code, 0, dry.stderr);
      const lines = dry.stdout.split('\n');
      assert.match(lines[0], new RegExp(`^Restoring v1 \\(.+\\) of ${skillId} over the latest, v2 \\(.+\\):$`));
      assert.deepEqual(lines.slice(1), ['  M SKILL.md', '  A notes.md', '  D scripts/run.py', 'Dry run: nothing was published.', '']);
      assert.equal((await collect(client.iterateVersions(skillId))).length, 2);
    });

    it('publishes a new version with exactly the files of the version named, by label or id, and prints JSON', async () => {
      const first = findVersion(await collect(client.iterateVersions(skillId)), 'v1')!;
      const restored = await skillsmith(['publish', '--from-version', 'v1', '--skill-id', skillId]);
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stdout, /\nPublished v3 \(version skver_\w+\) with the 2 files of v1 \(\d+ B\): it is the latest now\.\n$/);
      const [latest, original] = await Promise.all([
        downloadFileSet(client, skillId, 'latest'),
        downloadFileSet(client, skillId, first.ref),
      ]);
      assert.deepEqual(latest.files, original.files);

      const again = await skillsmith(['publish', '--from-version', first.ref, '--skill-id', skillId, '--format', 'json']);
      assert.equal(again.code, 0, again.stderr);
      const { bytes, replaced, ...document } = publishedOf(again.stdout);
      assert.equal(typeof bytes, 'number');
      assert.match(String(replaced), /^skver_/);
      assert.deepEqual(document, {
        skill_id: skillId,
        restored_from: first.ref,
        files: 2,
        added: [],
        removed: [],
        changed: [],
        version: null,
        unchanged: true,
        dry_run: false,
      });
      assert.equal((await collect(client.iterateVersions(skillId))).length, 3, 'the same files again publish nothing');
    });

    it('exits 1 naming the versions when none matches; 2 on usage errors', async () => {
      const missing = await skillsmith(['publish', '--from-version', 'v7', '--skill-id', skillId]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, new RegExp(`Skill ${skillId} has no version v7: its versions are v1 to v\\d\\.`));
      for (const args of [
        ['--from-version', 'v1'],
        ['--from-version', 'v1', '--skill-id', skillId, 'folder'],
        ['--from-version', 'v1', '--new'],
        ['--from-version', '', '--skill-id', skillId],
      ]) {
        assert.equal((await skillsmith(['publish', ...args])).code, 2, args.join(' '));
      }
      assert.equal((await skillsmith(['publish', '--from-version', 'v1', '--skill-id', skillId], { ANTHROPIC_API_KEY: '' })).code, 2);
    });
  });

  it('lint --upload-limit-mb sets the size at which upload-too-large fires', async () => {
    const small = await skillsmith(['lint', 'cli-skill', '--upload-limit-mb', '0.0001', '--format', 'json']);
    assert.equal(small.code, 1);
    assert.deepEqual(
      lintReportOf(small.stdout).skills[0].diagnostics.map((d) => d.rule),
      ['upload-too-large', 'upload-excluded'],
    );
    const roomy = await skillsmith(['lint', 'cli-skill', '--upload-limit-mb', '1', '--format', 'json']);
    assert.equal(roomy.code, 0, roomy.stdout);
  });

  it('loads the SDK (dist/api.js) only to talk to the API: not for lint, pack or a dry run', async () => {
    // A preload that reports, on exit, whether dist/api.js was required.
    const probe = path.join(root, 'probe.cjs');
    await writeFile(
      probe,
      "const M = require('module'); const load = M._load; let api = false; M._load = function (request, ...rest) { if (/[\\\\/]api\\.js$/.test(request)) api = true; return load.call(this, request, ...rest); }; process.on('exit', () => process.stderr.write(api ? 'API-LOADED' : 'API-NOT-LOADED'));\n",
    );
    const loads = async (args: string[]): Promise<boolean> => {
      const outcome = await skillsmith(args, { NODE_OPTIONS: `--require ${probe}` });
      assert.match(outcome.stderr, /API-(NOT-)?LOADED$/, outcome.stderr);
      return outcome.stderr.endsWith('API-LOADED');
    };
    assert.equal(await loads(['lint', 'cli-skill']), false);
    assert.equal(await loads(['pack', 'cli-skill', '-o', 'probe.zip']), false);
    assert.equal(await loads(['publish', 'cli-skill', '--dry-run']), false);
    assert.equal(await loads(['diff', 'cli-skill', '--skill-id', 'skill_missing']), true);
  });

  it('pack, publish and diff a folder of 400 files under a limit of 256 open files', async () => {
    const files: Record<string, string> = { 'SKILL.md': skillMd('many-files') };
    for (let i = 0; i < 400; i++) files[`refs/f${String(i).padStart(3, '0')}.md`] = `file ${i}\n`;
    await writeTree(path.join(root, 'many-files'), files);
    const limited = async (args: string[]): Promise<Outcome> => {
      const base = { ...process.env, NO_COLOR: '1', ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_BASE_URL: emulator.url };
      const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
      try {
        const { stdout, stderr } = await run('sh', ['-c', `ulimit -n 256 && exec ${quoted}`], { cwd: root, env: base });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as Outcome;
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    };
    const pack = await limited(['pack', 'many-files', '-o', 'many.zip']);
    assert.equal(pack.code, 0, pack.stderr);
    const published = await limited(['publish', 'many-files', '--new', '--format', 'json']);
    assert.equal(published.code, 0, published.stderr);
    const diff = await limited(['diff', 'many-files', '--skill-id', publishedOf(published.stdout).skill_id]);
    assert.equal(diff.code, 0, diff.stderr + diff.stdout);
  });
});
