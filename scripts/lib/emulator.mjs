// The local Skills API emulator (`skillsmith emulator` from dist/cli.js) as a child process for `npm start`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { exited } from './process.mjs';
import { REPO_ROOT } from './tools.mjs';

const LISTENING = /Skills API emulator listening on (http:\/\/\S+)/;

/** The placeholder key the extension sends to the emulator (which accepts any key); never a real one. */
export const EMULATOR_KEY = 'emulator-local-key';

/**
 * Starts `node dist/cli.js emulator --seed --data <dataDir> --port 0` and resolves with `{url, closed, stop()}`
 * once it prints its URL. Its skills persist in `dataDir`; `closed` settles if it exits.
 */
export function startEmulatorProcess(dataDir) {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, 'emulator', '--seed', '--data', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const closed = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    if (!(await exited(child, 5_000))) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', (error) => reject(new Error(`could not start the emulator: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before listening:\n${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match) resolve({ url: match[1], closed, stop });
    });
  });
}
