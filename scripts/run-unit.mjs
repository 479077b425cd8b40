// `npm run test:unit`: every test/unit/**/*.test.ts under node:test (Node 20 has no glob for --test, so the
// files are found here). Prints node's spec output live and a final `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
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

/** Runs node's test runner over `files`, echoing its output; resolves with the exit code and the output. */
function runNodeTests(files) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
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
  const { code, output } = await runNodeTests(files);
  const passed = summaryCount(output, 'pass');
  // A file that fails to load is not a counted test; count the run as one failure so it is never green.
  const failed = summaryCount(output, 'fail') || (code === 0 ? 0 : 1);
  console.log(resultLine(passed, failed));
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
}
