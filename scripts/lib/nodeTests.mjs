// Runs every `*.test.ts` under a folder with node:test (via tsx), for the runners of the node-level test phases.
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
 * Runs the tests under `folder` (Node 20 has no glob for --test, so the files are found here), printing node's spec
 * output live and a final `N passed, N failed` line; sets the process's exit code.
 */
export async function runNodeTests(folder) {
  const files = testFiles(folder);
  if (files.length === 0) {
    console.log(`no ${folder}/**/*.test.ts files`);
    console.log(resultLine(0, 0));
    return;
  }
  const { code, output } = await runEchoed(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: REPO_ROOT });
  const passed = summaryCount(output, 'pass');
  // A file that fails to load is not a counted test; count the run as one failure so it is never green.
  const failed = summaryCount(output, 'fail') || (code === 0 ? 0 : 1);
  console.log(resultLine(passed, failed));
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
}
