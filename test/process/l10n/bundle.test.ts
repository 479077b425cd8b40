import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..', '..');
const COMMITTED_BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.json');
const L10N_DEV_CLI = path.join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
const run = promisify(execFile);

describe('l10n/bundle.l10n.json', () => {
  it('matches a fresh export of the vscode.l10n.t strings in src (run `npm run l10n` to refresh it)', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'skillsmith-l10n-'));
    try {
      await run(process.execPath, [L10N_DEV_CLI, 'export', '--outDir', outDir, './src'], { cwd: ROOT });
      const fresh = await readFile(path.join(outDir, 'bundle.l10n.json'), 'utf8');
      const committed = await readFile(COMMITTED_BUNDLE, 'utf8');
      assert.deepEqual(JSON.parse(committed), JSON.parse(fresh), 'l10n/bundle.l10n.json is out of date: run `npm run l10n` and commit it');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
