/** Runs a process to its end and hands back what it said, for tests that assert on failing runs as well. */
import { execFile, type ExecFileOptions } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The outcome of one process, whatever its exit code. */
export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file args`; resolves with the exit code and output, whatever the code. */
export async function outcomeOf(file: string, args: readonly string[], options: ExecFileOptions): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { ...options, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as Outcome;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
