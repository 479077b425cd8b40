// `npm run test:integration [-- --grep PATTERN]`: the integration suite inside the real VS Code extension host
// (code-server + headless Chromium). Prints mocha's output live and a final `N passed, N failed` line.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openBrowser } from './lib/browser.mjs';
import { createCleanup } from './lib/cleanup.mjs';
import { deadline } from './lib/deadline.mjs';
import { runCommand } from './lib/process.mjs';
import { parseMochaSummary, resultLine } from './lib/summary.mjs';
import { tailFile } from './lib/tail.mjs';
import { makeShortTempDir, removeDir } from './lib/tempdir.mjs';
import { provision, REPO_ROOT } from './lib/tools.mjs';
import { makeTestWorkspace } from './lib/workspace.mjs';
import { startCodeServer } from './code-server.mjs';

// A net for a hung extension host, not a speed limit: the whole run takes about 2 minutes on a quiet 2-core
// machine and passed 300 s at load 30, when every suite still passed.
const RUN_TIMEOUT_MS = 15 * 60_000;
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'integration.png');

/** The value after `--grep` on the command line, if any. */
function grepArgument(argv) {
  const index = argv.indexOf('--grep');
  if (index === -1) return undefined;
  const pattern = argv[index + 1];
  if (!pattern) throw new Error('--grep needs a pattern, e.g. --grep Activation');
  return pattern;
}

/** The workbench URL that opens the `.code-workspace` file `workspace` and runs the extension tests (the smoke-test-driver payload). */
function testUrl(server, workspace) {
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['extensionTestsPath', remote(TESTS_ENTRY)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  return `${server.url}/?workspace=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Runs the suite and returns the process exit code. */
async function main() {
  const grep = grepArgument(process.argv.slice(2));
  const cleanup = createCleanup();
  let exitCode = 1;
  let failure;
  let log = '';
  let page;
  try {
    const tools = await provision();
    rmSync(path.join(REPO_ROOT, 'out', 'test', 'integration'), { recursive: true, force: true });
    await runCommand(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT });

    const temp = makeShortTempDir();
    cleanup.add(() => removeDir(temp));
    const workspace = makeTestWorkspace(temp);
    const logPath = path.join(temp, 'mocha.log');
    const stopTail = tailFile(logPath, (text) => {
      log += text;
      process.stdout.write(text);
    });
    cleanup.add(stopTail);

    const server = await startCodeServer(tools, {
      smokeTestDriver: true,
      env: { SKILLSMITH_TEST_LOG: logPath, ...(grep ? { SKILLSMITH_TEST_GREP: grep } : {}) },
    });
    cleanup.add(server.stop);
    const chromium = await openBrowser();
    page = chromium.page;
    cleanup.add(() => chromium.browser.close());

    const finished = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
    await page.exposeFunction('codeAutomationLog', () => {});
    const limit = deadline(RUN_TIMEOUT_MS, 'the integration run');
    cleanup.add(limit.cancel);
    exitCode = await limit.race(page.goto(testUrl(server, workspace)).then(() => finished));
    if (exitCode !== 0 && !parseMochaSummary(log))
      failure = new Error(`the extension host ended the run with code ${exitCode} before mocha reported`);
  } catch (error) {
    failure = error;
  } finally {
    if (page) {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT }).catch((error) => console.error(`integration: no screenshot: ${error.message}`));
    }
    await cleanup.run();
  }

  if (failure) console.error(`\nintegration: ${failure instanceof Error ? failure.message : failure}`);
  const counts = parseMochaSummary(log) ?? { passed: 0, failed: 0 };
  const failed = counts.failed + (failure && counts.failed === 0 ? 1 : 0);
  console.log(resultLine(counts.passed, failed));
  return failed > 0 || exitCode !== 0 ? 1 : 0;
}

process.exitCode = await main();
