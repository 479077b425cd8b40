import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { lazyBundle } from '../../src/core/lazyBundle';

describe('lazyBundle', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'skillsmith-bundle-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('requires the bundle beside it on the first call only, and hands back the same exports after', () => {
    const file = path.join(folder, 'counted.js');
    writeFileSync(file, 'globalThis.skillsmithBundleLoads = (globalThis.skillsmithBundleLoads ?? 0) + 1; exports.answer = 42;\n');
    const loads = (): unknown => (globalThis as { skillsmithBundleLoads?: number }).skillsmithBundleLoads;
    // The bundle's path is taken from the folder of the module that defines lazyBundle (dist/ once built).
    const bundle = lazyBundle<{ answer: number }>(path.relative(path.join(__dirname, '..', '..', 'src', 'core'), file));
    assert.equal(loads(), undefined, 'nothing is loaded before the first call');
    const first = bundle();
    assert.equal(first.answer, 42);
    assert.equal(bundle(), first);
    assert.equal(loads(), 1);
  });
});
