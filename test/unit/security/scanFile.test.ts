import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readWholeFileSync } from '../../../src/core/skill/security/scanFile';

describe('readWholeFileSync', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'skillsmith-read-whole-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the whole file whatever size the walk saw, as readFileSync does', () => {
    const file = path.join(dir, 'SKILL.md');
    const content = Buffer.from('x'.repeat(200_000) + 'é\n');
    writeFileSync(file, content);
    for (const size of [0, 10, content.length - 1, content.length, content.length * 3])
      assert.ok(readWholeFileSync(file, size).equals(content), `listed size ${size}`);
    writeFileSync(file, '');
    assert.equal(readWholeFileSync(file, 0).length, 0);
  });

  it('fails as readFileSync does on a missing file', () => {
    assert.throws(() => readWholeFileSync(path.join(dir, 'missing.md'), 0), { code: 'ENOENT' });
  });
});
