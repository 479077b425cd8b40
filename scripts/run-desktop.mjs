// `npm run test:desktop`: the same integration suite in desktop VS Code (Electron) through @vscode/test-electron.
// It downloads VS Code unless VSCODE_EXECUTABLE names a local one; where neither works (no network to
// Microsoft's update server, no local VS Code) it says so and exits 1. Prints `N passed, N failed`.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createCleanup } from './lib/cleanup.mjs';
import { runCommand } from './lib/process.mjs';
import { parseMochaSummary, resultLine } from './lib/summary.mjs';
import { tailFile } from './lib/tail.mjs';
import { makeShortTempDir, removeDir } from './lib/tempdir.mjs';
import { REPO_ROOT } from './lib/tools.mjs';
import { makeTestWorkspace } from './lib/workspace.mjs';

const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');

/** A plain explanation of why desktop VS Code could not be started, with what to do instead. */
function explainLaunchFailure(error) {
  const executable = process.env.VSCODE_EXECUTABLE;
  const reason = error instanceof Error ? error.message : String(error);
  return executable
    ? `could not run VS Code from VSCODE_EXECUTABLE=${executable}: ${reason}`
    : [
        `could not download or start desktop VS Code: ${reason}`,
        'This machine may not reach update.code.visualstudio.com. Either set VSCODE_EXECUTABLE to a local VS Code',
        '(e.g. VSCODE_EXECUTABLE=/usr/share/code/code npm run test:desktop) or run the same suite in code-server:',
        'npm run test:integration',
      ].join('\n  ');
}

async function main() {
  const cleanup = createCleanup();
  let log = '';
  let failure;
  try {
    await runCommand(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT });
    const temp = makeShortTempDir();
    cleanup.add(() => removeDir(temp));
    const logPath = path.join(temp, 'mocha.log');
    cleanup.add(
      tailFile(logPath, (text) => {
        log += text;
      }),
    );
    const exitCode = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: { SKILLSMITH_TEST_LOG: logPath },
      launchArgs: [
        makeTestWorkspace(temp),
        '--disable-extensions',
        '--disable-workspace-trust',
        `--user-data-dir=${path.join(temp, 'ud')}`,
      ],
    }).catch((error) => {
      throw new Error(explainLaunchFailure(error));
    });
    if (exitCode !== 0 && !parseMochaSummary(log)) failure = new Error(`VS Code exited with code ${exitCode} before mocha reported`);
  } catch (error) {
    failure = error;
  } finally {
    await cleanup.run();
  }
  if (failure) console.error(`desktop: ${failure instanceof Error ? failure.message : failure}`);
  const counts = parseMochaSummary(log) ?? { passed: 0, failed: 0 };
  const failed = counts.failed + (failure && counts.failed === 0 ? 1 : 0);
  console.log(resultLine(counts.passed, failed));
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
