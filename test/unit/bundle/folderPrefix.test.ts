import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { folderPrefix } from '../../../src/core/bundle/folderPrefix';

describe('folderPrefix', () => {
  it('is what path.join writes before a name, for plain and unusual folders alike', () => {
    const folders = [
      '/tmp/corpus/repo-0/skills/a',
      'relative/skill',
      'skill',
      '.',
      '..',
      '',
      '/',
      '//',
      '/a//b',
      'a/',
      'a/b/',
      './a',
      'a/./b',
      'a/..',
      '../a',
      'a/../b',
      '/..',
      '...',
      'a/.../b',
      '.hidden/x',
      'x/.hidden',
      'a\\b',
      'é/ü/日本',
      'a b/c\nd',
      'a\0b',
    ];
    for (const dir of folders) {
      for (const name of ['SKILL.md', '_', 'x'])
        assert.equal(folderPrefix(dir) + name, path.join(dir, name), `${JSON.stringify(dir)} + ${name}`);
    }
  });
});
