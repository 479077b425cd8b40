import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import {
  createSkillsClient,
  downloadFileSet,
  publishSkill,
  PublishRefusedError,
  SkillsApiError,
  type SkillsClient,
} from '../../../src/core/api';
import { hashFileSet } from '../../../src/core/bundle/hashFileSet';
import { prepareUpload, readPreparedFiles } from '../../../src/core/bundle/prepareUpload';
import { ZipError } from '../../../src/core/zip/zipError';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { AWKWARD_FILES, fileSetOf, skillMd, writeTree } from '../bundle/support';
import { TEST_KEY } from '../emulator/support';

for (const betaShape of [false, true]) {
  describe(`publishSkill and downloadFileSet against the emulator (${betaShape ? 'beta' : 'GA'} shape)`, () => {
    let emulator: RunningEmulator;
    let client: SkillsClient;
    let root: string;
    before(async () => {
      emulator = await startEmulator();
      client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: emulator.url, betaShape, maxRetries: 0 });
      root = await mkdtemp(path.join(tmpdir(), 'skillsmith-publish-'));
    });
    after(async () => {
      await emulator.close();
      await rm(root, { recursive: true, force: true });
    });

    it('publishes a folder as a new skill and a new version; the download is the same file set byte for byte', async () => {
      const dir = path.join(root, 'round-trip');
      await writeTree(dir, { 'SKILL.md': skillMd('round-trip'), ...AWKWARD_FILES, 'node_modules/left/out.js': 'x' });
      const files = readPreparedFiles(await prepareUpload(dir));
      assert.deepEqual(
        files.files.map((f) => f.path),
        ['SKILL.md', 'assets/blob.bin', 'empty.txt', 'reference/résumé – naïve 日本.md', 'scripts/deep/er/run.py'],
      );

      const created = await publishSkill(client, files, { newSkill: true, displayName: 'Round trip' });
      assert.equal(created.created, true);
      assert.equal(created.files, 5);
      assert.equal(
        created.bytes,
        files.files.reduce((sum, f) => sum + f.data.byteLength, 0),
      );
      assert.equal(created.hash, hashFileSet(files));
      assert.equal((await client.getSkill(created.skillId)).title, 'Round trip');

      const downloaded = await downloadFileSet(client, created.skillId, created.version);
      assert.equal(downloaded.folderName, 'round-trip');
      assert.deepEqual(downloaded.files, files.files);
      assert.equal(hashFileSet(downloaded), created.hash);

      const version = await publishSkill(client, files, { skillId: created.skillId });
      assert.equal(version.created, false);
      assert.equal(version.skillId, created.skillId);
      assert.notEqual(version.version, created.version);
      assert.equal((await client.getSkill(created.skillId)).latestVersion, version.version);
      assert.deepEqual((await downloadFileSet(client, created.skillId, 'latest')).files, files.files);
    });

    it('turns a refusal into an error with the service message, request id and the lint rule that covers it', async () => {
      const bad = fileSetOf('bad', { 'SKILL.md': '---\nname: Bad Name\ndescription: x\n---\n' });
      await assert.rejects(publishSkill(client, bad, { newSkill: true }), (error: unknown) => {
        assert.ok(error instanceof PublishRefusedError);
        assert.equal(error.rule, 'name-format');
        assert.equal(error.status, 400);
        assert.match(error.requestId ?? '', /^req_/);
        assert.match(error.message, /may contain only lowercase letters.*Lint rule name-format checks this before publishing\./);
        return true;
      });
      const long = fileSetOf('ok', { 'SKILL.md': skillMd('ok') });
      await assert.rejects(publishSkill(client, long, { newSkill: true, displayName: 'x'.repeat(256) }), {
        name: 'SkillsApiError',
        rule: 'display-name-too-long',
      });
      const unknownKey = fileSetOf('ok', { 'SKILL.md': '---\nname: ok\ndescription: Fine.\nwhen_to_use: Always.\n---\n' });
      await assert.rejects(publishSkill(client, unknownKey, { newSkill: true }), { rule: 'unknown-key' });
      const first = await publishSkill(client, long, { newSkill: true });
      const renamed = fileSetOf('ok', { 'SKILL.md': skillMd('other-name') });
      await assert.rejects(
        publishSkill(client, renamed, { skillId: first.skillId }),
        (error: unknown) => error instanceof PublishRefusedError && error.rule === undefined && /same name/.test(error.message),
      );
    });

    it('names the lint rule of each refusal that one covers', async () => {
      const fm = (lines: string): string => `---\n${lines}\n---\nBody.\n`;
      const cases: Array<[string, string]> = [
        ['No frontmatter.\n', 'frontmatter-missing'],
        ['---\nname: x\n', 'frontmatter-unclosed'],
        [fm('name: [broken'), 'yaml-syntax'],
        [fm('- a\n- b'), 'frontmatter-not-mapping'],
        [fm('description: Fine.'), 'name-missing'],
        [fm('name: yes\ndescription: Fine.'), 'name-type'],
        [fm(`name: ${'a'.repeat(65)}\ndescription: Fine.`), 'name-too-long'],
        [fm('name: claude-helper\ndescription: Fine.'), 'name-reserved'],
        [fm('name: ok'), 'description-missing'],
        [fm("name: ok\ndescription: '   '"), 'description-empty'],
        [fm(`name: ok\ndescription: ${'d'.repeat(1025)}`), 'description-too-long'],
        [fm('name: ok\ndescription: Use <example> tags.'), 'description-xml'],
        [fm('name: ok\ndescription: Fine.\nmetadata: text'), 'metadata-invalid'],
      ];
      for (const [skillMdText, rule] of cases) {
        await assert.rejects(publishSkill(client, fileSetOf('ok', { 'SKILL.md': skillMdText }), { newSkill: true }), (error: unknown) => {
          assert.ok(error instanceof PublishRefusedError, rule);
          assert.equal(error.rule, rule, error.message);
          return true;
        });
      }
      await assert.rejects(publishSkill(client, fileSetOf('ok', { 'README.md': 'x' }), { newSkill: true }), { rule: 'skill-md-missing' });
    });

    it('passes other failures through as they are, and cancels with the signal', async () => {
      const files = fileSetOf('ok', { 'SKILL.md': skillMd('ok') });
      await assert.rejects(
        publishSkill(client, files, { skillId: 'skill_missing' }),
        (error: unknown) => error instanceof SkillsApiError && !(error instanceof PublishRefusedError) && error.kind === 'not-found',
      );
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(publishSkill(client, files, { newSkill: true, signal: controller.signal }), { kind: 'cancelled' });
    });
  });
}

/** Serves `zip` as the content of every version, as a hostile or broken service could. */
function hostileService(zip: Uint8Array): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, res) => {
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.byteLength, 'request-id': 'req_hostile' });
    res.end(zip);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

/** Zips `skill/evil.txt`, then rewrites that name in place to `name` (same length), as a hostile server could. */
async function zipNamed(name: string): Promise<Uint8Array> {
  const placeholder = 'skill/evil.txt';
  assert.equal(name.length, placeholder.length);
  const zip = new JSZip();
  zip.file('skill/SKILL.md', '---\nname: skill\n---\n');
  zip.file(placeholder, 'boom');
  const buffer = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
  for (let at = buffer.indexOf(placeholder); at !== -1; at = buffer.indexOf(placeholder, at + 1)) buffer.write(name, at, 'latin1');
  return new Uint8Array(buffer);
}

describe('downloadFileSet refuses a hostile archive and writes nothing', () => {
  const cases: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
    ['traversal', () => zipNamed('skill/../../x1'), /climbs out/],
    ['absolute path', () => zipNamed('/etc/evil.txt1'), /is absolute/],
    [
      'symbolic link',
      async () => {
        const zip = new JSZip();
        zip.file('skill/SKILL.md', 'x');
        zip.file('skill/link', '/etc/passwd', { unixPermissions: 0o120777 });
        return zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
      },
      /symbolic link/,
    ],
    [
      'bomb (an entry that inflates beyond what it declares)',
      async () => {
        const zip = new JSZip();
        zip.file('skill/SKILL.md', 'x'.repeat(1_000_000), { createFolders: false });
        const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const central = view.getUint32(bytes.byteLength - 22 + 16, true); // the only entry's central record, from the end record
        view.setUint32(central + 24, 100, true); // declare 100 bytes uncompressed
        return bytes;
      },
      /larger than it declares|wrong size/,
    ],
  ];
  for (const [what, makeZip, reason] of cases) {
    it(what, async () => {
      const { url, server } = await hostileService(await makeZip());
      const cwd = await mkdtemp(path.join(tmpdir(), 'skillsmith-hostile-'));
      try {
        const client = createSkillsClient({ apiKey: TEST_KEY, baseUrl: url, maxRetries: 0 });
        await assert.rejects(
          downloadFileSet(client, 'skill_x', 'latest'),
          (error: unknown) => error instanceof ZipError && reason.test(error.message),
        );
        assert.deepEqual(await readdir(cwd), []);
      } finally {
        server.close();
        await rm(cwd, { recursive: true, force: true });
      }
    });
  }
});
