// Child processes for the runner scripts: no shell, loud failures, whole process groups cleaned up.
import { spawn } from 'node:child_process';

/**
 * Runs `command args` and resolves with its stdout when `capture` is set (stderr always goes to the
 * terminal). Rejects with a message naming the command and its exit code.
 */
export function runCommand(command, args, { cwd, env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', (error) => reject(new Error(`could not start ${command}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Runs `command args` with its stdout shown live and also collected; never rejects. Resolves with the exit
 * code (1 when it could not start) and the stdout, for runners that parse a child's summary line.
 */
export function runEchoed(command, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 1, output: `could not start ${command}: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Kills the process group led by `pid` (started with `detached: true`); silent if it is already gone. */
export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already exited.
  }
}

/** Resolves when `child` exits, or after `ms` milliseconds; returns whether it exited. */
export function exited(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
