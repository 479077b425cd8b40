import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { withoutNpmEnv } from '../../scripts/lib/npmEnv.mjs';
import { REPO_ROOT } from '../../scripts/lib/tools.mjs';

const run = promisify(execFile);

describe('the VSIX (npm run package)', () => {
  let zip: JSZip;

  before(async () => {
    await run('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, env: withoutNpmEnv(process.env) });
    zip = await JSZip.loadAsync(readFileSync(path.join(REPO_ROOT, 'dist', 'skillsmith.vsix')));
  });

  it('carries the extension and what it shows, not the CLI, sources or sourcemaps', () => {
    const files = Object.keys(zip.files)
      .filter((name) => name.startsWith('extension/') && !name.endsWith('/'))
      .sort();
    assert.deepEqual(files, [
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/api.js',
      'extension/dist/chat.js',
      'extension/dist/evals.js',
      'extension/dist/extension.js',
      'extension/dist/jszip.js',
      'extension/dist/webview/chat.css',
      'extension/dist/webview/chat.js',
      'extension/dist/webview/codicon.ttf',
      'extension/dist/yaml.js',
      'extension/docs/rules.md',
      'extension/l10n/bundle.l10n.json',
      'extension/media/skills.svg',
      'extension/media/skillsmith.png',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/readme.md',
      'extension/schemas/evals.schema.json',
      'extension/schemas/trigger-evals.schema.json',
    ]);
  });

  it('has the Marketplace README, the changelog, the icon and the repository in its manifest', async () => {
    const readme = await zip.file('extension/readme.md')!.async('string');
    assert.equal(readme, readFileSync(path.join(REPO_ROOT, 'docs', 'marketplace', 'README.md'), 'utf8'));
    const manifest = await zip.file('extension.vsixmanifest')!.async('string');
    assert.match(manifest, /<Asset Type="Microsoft\.VisualStudio\.Services\.Content\.Changelog" Path="extension\/changelog\.md"/);
    assert.match(manifest, /<Icon>extension\/media\/skillsmith\.png<\/Icon>/);
    assert.match(manifest, /Links\.Source" Value="https:\/\/github\.com\/[\w-]+\/[\w-]+\.git"/);
  });
});
