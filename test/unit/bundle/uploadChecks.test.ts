import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SkillFiles } from '../../../src/core/bundle/collectSkillFiles';
import { checkDisplayName, checkUpload, DEFAULT_UPLOAD_LIMIT_BYTES } from '../../../src/core/bundle/uploadChecks';

const file = (relativePath: string, size: number) => ({ relativePath, size, absolutePath: `/skill/${relativePath}` });
const empty: SkillFiles = { files: [], leftOut: [] };

describe('checkUpload', () => {
  it('passes a small clean folder', () => {
    assert.deepEqual(checkUpload({ ...empty, files: [file('SKILL.md', 100)] }, 'claude-api'), []);
  });

  it('lists the first 1,000 secrets, links and bad names of a folder, then says how many more there are', () => {
    const paths = Array.from({ length: 2_500 }, (_, i) => `keys/${i}.pem`);
    const leftOut = (['secret', 'symlink', 'not-utf8'] as const).flatMap((reason) =>
      paths.map((relativePath) => ({ relativePath, reason })),
    );
    const found = checkUpload({ ...empty, leftOut }, 'claude-api');
    for (const rule of ['upload-secret', 'upload-symlink', 'upload-name-not-utf8']) {
      const ofRule = found.filter((d) => d.rule === rule);
      assert.equal(ofRule.length, 1_001, rule);
      assert.equal(ofRule[1_000].message, `1,500 more \`${rule}\` findings in this folder are left out (only the first 1000 are listed).`);
    }
  });

  it('limits the total size to 30 MB by default, or to the given limit', () => {
    const files = [
      file('a.bin', DEFAULT_UPLOAD_LIMIT_BYTES),
      file('SKILL.md', 1),
      file('b.bin', 2048),
      file('c.bin', 4096),
      file('d.bin', 1024),
    ];
    const [d] = checkUpload({ ...empty, files }, 'claude-api');
    assert.equal(d.rule, 'upload-too-large');
    assert.match(d.message, /30\.0 MB limit\. The largest: `a\.bin` \(30\.0 MB\), `c\.bin` \(4\.0 KB\), `b\.bin` \(2\.0 KB\)\./);
    assert.deepEqual(
      checkUpload({ ...empty, files: [file('a.bin', 9 * 1024 * 1024)] }, 'claude-api', 8 * 1024 * 1024).map((x) => x.rule),
      ['upload-too-large'],
    );
  });

  it('reports each secret and symbolic link, and summarises excluded files in one info', () => {
    const excluded = ['.git/', '.skillignore', 'a.pyc', 'b.pyc', 'c.pyc', 'd.pyc', 'e.pyc', 'f.pyc'].map((relativePath) => ({
      relativePath,
      reason: 'default-exclude' as const,
    }));
    const leftOut = [
      { relativePath: '.env', reason: 'secret' as const },
      { relativePath: 'link', reason: 'symlink' as const },
      ...excluded,
    ];
    const found = checkUpload({ ...empty, leftOut }, 'spec');
    assert.deepEqual(
      found.map((d) => `${d.rule}:${d.severity}`),
      ['upload-secret:error', 'upload-symlink:error', 'upload-excluded:info'],
    );
    assert.match(found[2].message, /and 2 more/);
  });
});

describe('checkDisplayName', () => {
  it('accepts up to 255 characters', () => {
    assert.equal(checkDisplayName('x'.repeat(255), 'claude-api'), undefined);
    assert.equal(checkDisplayName('x'.repeat(256), 'claude-api')?.rule, 'display-name-too-long');
  });
});
