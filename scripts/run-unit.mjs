// `npm run test:unit`: every test/unit/**/*.test.ts under node:test (Node 20 has no glob for --test, so the
// files are found here). Prints node's spec output live and a final `N passed, N failed` line.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runEchoed } from './lib/process.mjs';
import { resultLine } from './lib/summary.mjs';
import { REPO_ROOT } from './lib/tools.mjs';

const UNIT_DIR = path.join(REPO_ROOT, 'test', 'unit');

/** Every `*.test.ts` under test/unit, relative to the repository root, sorted. */
function unitTestFiles() {
  return readdirSync(UNIT_DIR, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join('test', 'unit', file));
}

/** The count after `ℹ <label>` in the spec reporter's summary. */
function summaryCount(output, label) {
  const match = new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output);
  return match ? Number(match[1]) : 0;
}

const files = unitTestFiles();
if (files.length === 0) {
  console.log('unit: no test/unit/**/*.test.ts files');
  console.log(resultLine(0, 0));
} else {
  const { code, output } = await runEchoed(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: REPO_ROOT });
  const passed = summaryCount(output, 'pass');
  // A file that fails to load is not a counted test; count the run as one failure so it is never green.
  const failed = summaryCount(output, 'fail') || (code === 0 ? 0 : 1);
  console.log(resultLine(passed, failed));
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
}
