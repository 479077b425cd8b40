// `npm run test:e2e [-- --grep TEXT]`: packages the .vsix, installs it into a fresh code-server pointed at a seeded Skills API
// emulator, and runs the browser journeys of test/e2e/*.e2e.mjs in headless Chromium, each on a fresh workbench
// page, as `run({page, screenshot, emulatorUrl, workspace})` (the emulator's admin routes let a journey inject
// faults; `workspace` is the path of the workbench's folder, for a journey that must put a file back). A
// journey that exports `signedOut = true` runs on a second code-server without the API key.
// Screenshots go to test-results/. A journey's `screenshot(name, {readme: 'diff'})` marks one of the README's pictures:
// with SKILLSMITH_README_SCREENSHOTS=1 it is also written to media/screenshots/diff.png, so the README shows what the
// journeys see.
// Prints one line per journey and a final `N passed, N failed` line.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBrowser } from './lib/browser.mjs';
import { createCleanup } from './lib/cleanup.mjs';
import { deadline } from './lib/deadline.mjs';
import { EMULATOR_KEY, startEmulatorProcess } from './lib/emulator.mjs';
import { runCommand } from './lib/process.mjs';
import { resultLine } from './lib/summary.mjs';
import { makeShortTempDir, removeDir } from './lib/tempdir.mjs';
import { provision, REPO_ROOT } from './lib/tools.mjs';
import { copyFixtureWorkspace, resetFixtureWorkspace } from './lib/workspace.mjs';
import { waitForWorkbench } from '../test/e2e/support/workbench.mjs';
import { installExtension, startCodeServer } from './code-server.mjs';

const E2E_DIR = path.join(REPO_ROOT, 'test', 'e2e');
const PROBE_DIR = path.join(E2E_DIR, 'probe');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const VSIX = path.join(REPO_ROOT, 'dist', 'skillsmith.vsix');
const README_SCREENSHOTS_DIR = process.env.SKILLSMITH_README_SCREENSHOTS === '1' ? path.join(REPO_ROOT, 'media', 'screenshots') : undefined;
const JOURNEY_TIMEOUT_MS = 180_000; // a net for a hung journey, not a speed limit: a loaded machine doubles their times
const STEP_TIMEOUT_MS = 30_000; // each wait; steps that wait on a restarting extension host or a model reply set their own

/** Every journey module ({name, run}) of test/e2e whose file name contains `only` (all when undefined), in file-name order. */
async function loadJourneys(only) {
  const files = readdirSync(E2E_DIR)
    .filter((file) => file.endsWith('.e2e.mjs') && (!only || file.includes(only)))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, ...(await import(pathToFileURL(path.join(E2E_DIR, file)).href)) })));
}

/** Runs one journey on a fresh workbench page; resolves with undefined on success or the error. */
async function runJourney(browser, workbenchUrl, emulatorUrl, workspace, journey) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const screenshot = async (name, { readme } = {}) => {
    if (readme && README_SCREENSHOTS_DIR) await clearHovers(page);
    const file = path.join(RESULTS_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    if (readme && README_SCREENSHOTS_DIR) copyFileSync(file, path.join(README_SCREENSHOTS_DIR, `${readme}.png`));
  };
  const limit = deadline(JOURNEY_TIMEOUT_MS, `journey ${journey.file}`);
  try {
    await limit.race(
      page
        .goto(workbenchUrl)
        .then(() => waitForWorkbench(page))
        .then(() => journey.run({ page, screenshot, emulatorUrl, workspace })),
    );
    return undefined;
  } catch (error) {
    await screenshot(`${path.basename(journey.file, '.e2e.mjs')}-failure`).catch(() => {});
    return error;
  } finally {
    limit.cancel();
    await page.close();
  }
}

/** Moves the pointer off the workbench's parts and waits until no hover (a tree item's tooltip) is shown: a README picture shows the view, not where the journey last clicked. */
async function clearHovers(page) {
  await page.mouse.move(0, 0);
  await page.locator('.workbench-hover').first().waitFor({ state: 'hidden' });
}

/**
 * Packages test/e2e/probe, a stand-in for any other installed extension (it reports what Skillsmith's
 * exports let it reach), into `dir`; resolves with the .vsix path.
 */
async function packageProbe(dir) {
  const out = path.join(dir, 'exports-probe.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  await runCommand(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], {
    cwd: PROBE_DIR,
    capture: true,
  });
  return out;
}

/** Packages, installs, runs every journey; returns the process exit code. */
async function main() {
  const cleanup = createCleanup();
  let passed = 0;
  let failed = 0;
  try {
    const tools = await provision();
    await runCommand('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, capture: true });
    console.log(`packaged ${path.relative(REPO_ROOT, VSIX)}`);

    const temp = makeShortTempDir();
    cleanup.add(() => removeDir(temp));
    const extensionsDir = path.join(temp, 'extensions');
    await installExtension(tools, VSIX, extensionsDir);
    await installExtension(tools, await packageProbe(temp), extensionsDir);
    const workspace = copyFixtureWorkspace(temp);

    const emulator = await startEmulatorProcess(path.join(temp, 'emulator'));
    cleanup.add(emulator.stop);
    /** Starts a code-server on the workspace with `env`; resolves with its workbench URL. */
    const startWorkbench = async (env) => {
      const server = await startCodeServer(tools, { extensionsDir, settings: { 'skillsmith.api.baseUrl': emulator.url }, env });
      cleanup.add(server.stop);
      return `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    };
    const workbenchUrls = { signedIn: await startWorkbench({ ANTHROPIC_API_KEY: EMULATOR_KEY }) };
    const { browser } = await openBrowser();
    cleanup.add(() => browser.close());
    mkdirSync(RESULTS_DIR, { recursive: true });
    if (README_SCREENSHOTS_DIR) mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });

    const grepAt = process.argv.indexOf('--grep');
    for (const journey of await loadJourneys(grepAt >= 0 ? process.argv[grepAt + 1] : undefined)) {
      const kind = journey.signedOut ? 'signedOut' : 'signedIn';
      workbenchUrls[kind] ??= await startWorkbench({});
      const started = Date.now();
      resetFixtureWorkspace(workspace); // each journey starts from the fixture, whatever the one before wrote
      const error = await runJourney(browser, workbenchUrls[kind], emulator.url, workspace, journey);
      const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
      if (error) {
        failed += 1;
        console.log(
          `  ✘ ${journey.name} (${journey.file}, ${took})\n      ${String(error instanceof Error ? error.message : error)
            .split('\n')
            .join('\n      ')}`,
        );
      } else {
        passed += 1;
        console.log(`  ✔ ${journey.name} (${took})`);
      }
    }
  } catch (error) {
    failed += 1;
    console.error(`e2e: ${error instanceof Error ? error.message : error}`);
  } finally {
    await cleanup.run();
  }
  console.log(resultLine(passed, failed));
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
