// Starts the pinned code-server (real VS Code server + web workbench) on loopback, isolated in a temp folder.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { exited, killGroup, runCommand } from './lib/process.mjs';
import { makeShortTempDir, removeDir } from './lib/tempdir.mjs';

/** Settings every run starts from: quiet, offline, no welcome pages. */
const SEEDED_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // an empty secondary side bar takes a third of the window otherwise
  'git.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'security.workspace.trust.enabled': false,
};

const STARTUP_TIMEOUT_MS = 60_000;

/** Resolves with a TCP port on 127.0.0.1 that is free right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment code-server runs with: its own XDG folders and a short TMPDIR, plus the caller's `env`.
 * A key in this process's ANTHROPIC_API_KEY never reaches the extension host unless the caller passes it.
 */
function isolatedEnv(root, env) {
  const dirs = { XDG_CONFIG_HOME: 'xdg-config', XDG_DATA_HOME: 'xdg-data', XDG_CACHE_HOME: 'xdg-cache', TMPDIR: 'tmp' };
  const result = { ...process.env };
  delete result.ANTHROPIC_API_KEY;
  Object.assign(result, env);
  for (const [name, folder] of Object.entries(dirs)) {
    result[name] = path.join(root, folder);
    mkdirSync(result[name], { recursive: true });
  }
  return result;
}

/**
 * Installs a `.vsix` into `extensionsDir` with code-server's own `--install-extension`.
 * `tools` comes from `provision()`.
 */
export async function installExtension(tools, vsixPath, extensionsDir) {
  await runCommand(tools.node24, [tools.codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsixPath], {
    capture: true,
  });
}

/** Resolves once code-server's output says it is listening; rejects if it fails, exits or takes too long first. */
function waitUntilListening(child, logPath) {
  return new Promise((resolve, reject) => {
    let recent = '';
    const onExit = (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`);
    const onError = (error) => fail(`it could not be started (${error.message})`);
    const onData = (chunk) => {
      recent = (recent + chunk).slice(-500);
      if (!recent.includes('HTTP server listening')) return;
      settle();
      resolve();
    };
    const settle = () => {
      clearTimeout(timer);
      child.off('exit', onExit).off('error', onError);
      child.stdout.off('data', onData);
    };
    const fail = (why) => {
      settle();
      let log = '';
      try {
        log = readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
      } catch {
        // No log yet.
      }
      reject(new Error(`code-server did not start: ${why}\n--- last lines of ${logPath} ---\n${log}`));
    };
    const timer = setTimeout(() => fail(`no "HTTP server listening" line within ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
    child.once('exit', onExit).once('error', onError);
    child.stdout.on('data', onData);
  });
}

/**
 * Starts code-server on a free loopback port in its own process group, with a temp user-data-dir,
 * extensions-dir and XDG folders, seeded settings plus `settings`, and `env` added to its environment
 * (the extension host inherits it). `smokeTestDriver` enables the test payload of the URL; `port` (default:
 * a free one) fixes the port. Resolves with `{url, port, root, logPath, closed, stop()}` once `/healthz`
 * answers; `closed` settles when code-server exits; `stop()` kills the whole group and removes the temp folder.
 */
export async function startCodeServer(tools, { settings = {}, env = {}, extensionsDir, smokeTestDriver = false, port } = {}) {
  const root = makeShortTempDir();
  const userDataDir = path.join(root, 'ud');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...SEEDED_SETTINGS, ...settings }, null, 2));
  writeFileSync(path.join(root, 'config.yaml'), 'auth: none\n');
  const listenPort = port || (await freePort());
  const args = [
    tools.codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${listenPort}`,
    '--auth',
    'none',
    '--config',
    path.join(root, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir ?? path.join(root, 'ext'),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const logPath = path.join(root, 'code-server.log');
  const log = createWriteStream(logPath);
  const child = spawn(tools.node24, args, { env: isolatedEnv(root, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child.pid);
    await exited(child, 5_000);
    killGroup(child.pid, 'SIGKILL'); // Whatever of the group outlived the polite request (extension host, watchers).
    await new Promise((resolve) => log.end(resolve));
    removeDir(root);
  };

  try {
    await waitUntilListening(child, logPath);
    const url = `http://127.0.0.1:${listenPort}`;
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`code-server's /healthz answered HTTP ${health.status}`);
    const closed =
      child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    return { url, port: listenPort, root, logPath, closed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
