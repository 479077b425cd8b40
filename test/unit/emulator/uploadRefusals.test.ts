import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APIError } from '@anthropic-ai/sdk';
import { readZip } from '../../../src/core/zip/readZip';
import { EmulatorApiError } from '../../../src/emulator/apiError';
import { checkUpload, type UploadedFile } from '../../../src/emulator/upload';
import { VersionArchive } from '../../../src/extension/services/caches/versionArchive';
import { emulatorForSuite, folderWithSkillMd, skillFolder, uploadables } from './support';

/** Every upload the Skills API refuses, one test each, through the real SDK: 400 `invalid_request_error` and a message to act on. */
describe('emulator refuses what the service refuses', () => {
  const env = emulatorForSuite();
  const create = async (files: UploadedFile[], displayName?: string): Promise<{ id: string; display_name: string }> =>
    env.sdk.skills.create({ files: await uploadables(files), display_name: displayName });

  /** Asserts the upload is refused with 400 `invalid_request_error` and a message matching `message`. */
  async function refuses(files: UploadedFile[] | Promise<unknown>, message: RegExp): Promise<void> {
    const attempt = Array.isArray(files) ? create(files) : files;
    await assert.rejects(attempt, (error: unknown) => {
      assert.ok(error instanceof APIError, String(error));
      assert.equal(error.status, 400);
      assert.equal(error.type, 'invalid_request_error');
      assert.match(error.apiMessage ?? '', message);
      return true;
    });
  }

  /** A one-file skill folder `x` whose frontmatter is `frontmatter` (without the --- lines). */
  const withFrontmatter = (frontmatter: string): UploadedFile[] => folderWithSkillMd('x', `---\n${frontmatter}\n---\n\n# Body\n`);
  const valid = 'name: ok-name\ndescription: Does things. Use when testing.';

  it('refuses a key outside the six the API knows, naming it and the allowed ones', async () => {
    await refuses(
      withFrontmatter(`${valid}\nauthor: me\nversion: 1`),
      /^Unexpected key\(s\) in SKILL\.md frontmatter: author, version\. Allowed properties are: allowed-tools, compatibility, description, license, metadata, name\./,
    );
  });

  it('accepts all six keys the API knows', async () => {
    const skill = await create(
      withFrontmatter(`${valid}\nlicense: MIT\ncompatibility: Needs python3\nallowed-tools: Read Bash\nmetadata:\n  author: me`),
    );
    assert.equal(skill.display_name, 'ok-name');
  });

  it('refuses a name that is not lowercase letters, digits and single hyphens', async () => {
    await refuses(
      withFrontmatter('name: PDF_Tools\ndescription: d'),
      /name "PDF_Tools" may contain only lowercase letters, digits and single hyphens/,
    );
    await refuses(withFrontmatter('name: double--hyphen\ndescription: d'), /single hyphens/);
  });

  it('refuses a name over 64 characters', async () => {
    await refuses(withFrontmatter(`name: ${'a'.repeat(65)}\ndescription: d`), /at most 64 characters; it has 65/);
  });

  it('refuses a name with a reserved word', async () => {
    await refuses(withFrontmatter('name: claude-helper\ndescription: d'), /reserved word "claude"/);
    await refuses(withFrontmatter('name: my-anthropic-tool\ndescription: d'), /reserved word "anthropic"/);
  });

  it('reads the name as YAML 1.1 does: `yes` is a boolean, not a name', async () => {
    await refuses(withFrontmatter('name: yes\ndescription: d'), /name must be a string, but YAML reads it as the boolean true: quote it/);
  });

  it('refuses a SKILL.md without a name', async () => {
    await refuses(withFrontmatter('description: d'), /must have a name/);
  });

  it('refuses a SKILL.md without a description', async () => {
    await refuses(withFrontmatter('name: ok-name'), /must have a description/);
  });

  it('refuses an empty description', async () => {
    await refuses(withFrontmatter('name: ok-name\ndescription: "   "'), /description must not be empty/);
  });

  it('refuses a description that YAML 1.1 reads as a date', async () => {
    await refuses(withFrontmatter('name: ok-name\ndescription: 2024-01-01'), /description must be a string, but YAML reads it as a date/);
  });

  it('refuses a description over 1024 characters', async () => {
    await refuses(withFrontmatter(`name: ok-name\ndescription: ${'d'.repeat(1025)}`), /at most 1024 characters; it has 1025/);
  });

  it('refuses a description with an XML tag', async () => {
    await refuses(
      withFrontmatter('name: ok-name\ndescription: Use <example>this</example> well'),
      /must not contain XML tags; it contains <example>/,
    );
  });

  it('accepts a bare <, > or -> in a description: they are not tags', async () => {
    const skill = await create(folderWithSkillMd('arrows', '---\nname: arrows\ndescription: Maps a -> b when x < 3 or y > 4.\n---\n'));
    assert.equal((await env.sdk.skills.versions.list(skill.id)).data[0]?.description, 'Maps a -> b when x < 3 or y > 4.');
  });

  it('refuses a compatibility over 500 characters', async () => {
    await refuses(
      withFrontmatter(`${valid}\ncompatibility: ${'c'.repeat(501)}`),
      /compatibility must be at most 500 characters; it has 501/,
    );
  });

  it('refuses metadata that is not a mapping', async () => {
    await refuses(
      withFrontmatter(`${valid}\nmetadata: just text`),
      /metadata must be a mapping of keys to values, but YAML reads it as a string/,
    );
  });

  it('refuses frontmatter that is not valid YAML, saying where', async () => {
    await refuses(
      withFrontmatter('name: ok-name\ndescription: Use when: x'),
      /^SKILL\.md line 3: The frontmatter is not valid YAML: .* Quote a value/,
    );
  });

  it('refuses a SKILL.md without frontmatter, or whose frontmatter is never closed', async () => {
    await refuses(folderWithSkillMd('x', '# Just a body\n'), /must start with YAML frontmatter/);
    await refuses(folderWithSkillMd('x', `---\n${valid}\n`), /not closed/);
  });

  it('refuses a SKILL.md that is not UTF-8', async () => {
    await refuses([{ path: 'x/SKILL.md', data: Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }], /not valid UTF-8/);
  });

  it('keeps the last of duplicate keys, as PyYAML does', async () => {
    const skill = await create(folderWithSkillMd('dup', '---\nname: first-name\nname: second-name\ndescription: d\n---\n'));
    assert.equal(skill.display_name, 'second-name');
  });

  it('refuses an upload without SKILL.md at the root of its folder', async () => {
    await refuses(
      [{ path: 'my-skill/docs/SKILL.md', data: new Uint8Array(1) }],
      /SKILL\.md must be at the root of the top-level directory "my-skill"/,
    );
  });

  it('refuses files in more than one top-level folder', async () => {
    await refuses(
      [...skillFolder('two-roots'), { path: 'elsewhere/x.txt', data: new Uint8Array(1) }],
      /same top-level directory; this upload has "two-roots" and "elsewhere"/,
    );
  });

  it('refuses a new version whose name changed', async () => {
    const skill = await create(skillFolder('first-name'));
    await refuses(
      env.sdk.skills.versions.create(skill.id, { files: await uploadables(skillFolder('other-name')) }),
      /does not match this skill's name "first-name"/,
    );
  });

  it('refuses a display name over 255 characters', async () => {
    await refuses(create(skillFolder('long-title'), 't'.repeat(256)), /display_name must be at most 255 characters; it has 256/);
  });

  describe('and what it could not serve back', () => {
    const withExtra = (name: string, extra: readonly string[]): UploadedFile[] => [
      ...skillFolder(name),
      ...extra.map((path) => ({ path, data: new Uint8Array(1) })),
    ];

    it('refuses a 70,000-character file name', async () => {
      await refuses(withExtra('long-name', [`long-name/${'n'.repeat(70_000)}`]), /is 70010 bytes long; a path may be at most 4096 bytes/);
    });

    it('refuses a path 4,000 folders deep', async () => {
      await refuses(withExtra('deep', [`deep/${'d/'.repeat(4000)}f.txt`]), /is 4,002 levels deep; at most 128 are allowed/);
    });

    it('refuses two files whose names differ only in case', async () => {
      await refuses(withExtra('cased', ['cased/a.txt', 'cased/A.txt']), /"cased\/a\.txt" and "cased\/A\.txt" differ only in case/);
    });

    it("refuses a file whose path is also another file's folder", async () => {
      await refuses(withExtra('clash', ['clash/a', 'clash/a/b']), /"clash\/a" is a file, but "clash\/a\/b" needs it to be a folder/);
    });

    it('refuses more than 65,535 files, which its zip could not count without zip64 (checked directly: the SDK takes half a minute to send so many)', () => {
      const many = withExtra(
        'many',
        Array.from({ length: 65_533 }, (_, i) => `many/f${i}`),
      );
      assert.throws(
        () => checkUpload(many),
        (error: unknown) =>
          error instanceof EmulatorApiError && error.status === 400 && /The upload has 65536 files; at most 65535/.test(error.message),
      );
      assert.equal(checkUpload(many.slice(0, -1)).files.length, 65_535);
    });

    it('refuses a NUL character in a path', async () => {
      await refuses(withExtra('nul', ['nul/a\0b']), /Invalid file path/);
    });

    it('serves back what it accepts at the limits, as files the extension reads', async () => {
      const deepFile = `at-limits/${Array.from({ length: 126 }, (_, i) => `d${i}`).join('/')}/f.txt`;
      const skill = await create(withExtra('at-limits', [deepFile, `at-limits/${'n'.repeat(255)}`]));
      const zip = new Uint8Array(await (await env.sdk.beta.skills.versions.download('latest', { skill_id: skill.id })).arrayBuffer());
      const archive = new VersionArchive(readZip(zip));
      assert.equal(archive.get(deepFile)?.kind, 'file');
      assert.equal(archive.files().length, 5);
    });
  });
});
