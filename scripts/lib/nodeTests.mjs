// The node:test phases (`test:unit`, `test:process`): every `*.test.ts` under a folder, run under tsx with node's
// spec output shown live, then a final `N passed, N failed` line for `npm test`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runEchoed } from './process.mjs';
import { resultLine } from './summary.mjs';
import { REPO_ROOT } from './tools.mjs';

/** Every `*.test.ts` under `folder` (relative to the repository root), relative to the root, sorted. */
function testFiles(folder) {
  return readdirSync(path.join(REPO_ROOT, folder), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join(folder, file));
}

/** The count after `ℹ <label>` in the spec reporter's summary. */
function summaryCount(output, label) {
  const match = new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output);
  return match ? Number(match[1]) : 0;
}

/**
 * Runs the tests under `folder` and sets the exit code. `oneProcess` imports every file into one Node process (each
 * file of a pure in-process suite would otherwise pay for its own Node and tsx start); without it, `node --test` gives
 * each file a process of its own, for tests that start processes, servers or browsers.
 */
export async function runNodeTests(folder, { oneProcess }) {
  const files = testFiles(folder);
  if (files.length === 0) {
    console.log(`${folder}: no *.test.ts files`);
    console.log(resultLine(0, 0));
    return;
  }
  const args = oneProcess
    ? ['--import', 'tsx', '--test-reporter=spec', path.join('scripts', 'lib', 'importTests.mjs'), ...files]
    : ['--import', 'tsx', '--test', '--test-reporter=spec', ...files];
  const { code, output } = await runEchoed(process.execPath, args, { cwd: REPO_ROOT });
  const passed = summaryCount(output, 'pass');
  // A file that fails to load is not a counted test; count the run as one failure so it is never green.
  const failed = summaryCount(output, 'fail') || (code === 0 ? 0 : 1);
  console.log(resultLine(passed, failed));
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
}
