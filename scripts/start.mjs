// `npm start`: Skillsmith in a real VS Code (code-server) on the sample workspace, talking to the local Skills API
// emulator, or to the real service when ANTHROPIC_API_KEY is set. Prints the URL and runs until Ctrl-C.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createCleanup } from './lib/cleanup.mjs';
import { EMULATOR_KEY, startEmulatorProcess } from './lib/emulator.mjs';
import { runCommand } from './lib/process.mjs';
import { makeShortTempDir, removeDir } from './lib/tempdir.mjs';
import { provision, REPO_ROOT } from './lib/tools.mjs';
import { copyFixtureWorkspace } from './lib/workspace.mjs';
import { installExtension, startCodeServer } from './code-server.mjs';

const VSIX = path.join(REPO_ROOT, 'dist', 'skillsmith.vsix');
const EMULATOR_DATA = path.join(REPO_ROOT, '.skillsmith', 'emulator');

/** The API the extension will use: the emulator (started here) unless ANTHROPIC_API_KEY is set. */
async function chooseApi(cleanup) {
  if (process.env.ANTHROPIC_API_KEY) {
    return {
      description: 'the real Claude API (ANTHROPIC_API_KEY is set in your environment)',
      settings: {},
      env: { ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY },
    };
  }
  mkdirSync(EMULATOR_DATA, { recursive: true });
  const emulator = await startEmulatorProcess(EMULATOR_DATA);
  cleanup.add(emulator.stop);
  return {
    description: `the local emulator at ${emulator.url} (skills kept in ${path.relative(REPO_ROOT, EMULATOR_DATA)}/; set ANTHROPIC_API_KEY to use the real service)`,
    settings: { 'skillsmith.api.baseUrl': emulator.url },
    env: { ANTHROPIC_API_KEY: EMULATOR_KEY },
    closed: emulator.closed,
  };
}

async function main() {
  const cleanup = createCleanup();
  try {
    const tools = await provision();
    console.log('Packaging the extension…');
    await runCommand('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, capture: true });
    const api = await chooseApi(cleanup);

    const temp = makeShortTempDir();
    cleanup.add(() => removeDir(temp));
    const extensionsDir = path.join(temp, 'extensions');
    await installExtension(tools, VSIX, extensionsDir);
    const workspace = copyFixtureWorkspace(temp);
    const port = Number(process.env.SKILLSMITH_PORT) || undefined;
    const server = await startCodeServer(tools, { extensionsDir, settings: api.settings, env: api.env, port });
    cleanup.add(server.stop);

    console.log(`
Skillsmith is running in VS Code (code-server, the extension installed from dist/skillsmith.vsix).
  Open:       ${server.url}/?folder=${encodeURIComponent(workspace)}
  Workspace:  ${workspace} (a copy of test/fixtures/workspace, removed on exit)
  Skills API: ${api.description}
Press Ctrl-C to stop.`);
    const stoppedBy = await Promise.race([
      server.closed.then(() => 'code-server exited'),
      ...(api.closed ? [api.closed.then(() => 'the emulator exited')] : []),
    ]);
    if (!cleanup.started()) {
      console.error(`npm start: ${stoppedBy}; shutting down.`);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
}

await main();
