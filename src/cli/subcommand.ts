/** The frame of `pack`, `publish` and `diff`: read the arguments, answer --help, report usage errors, run. */
import { terminalOutput } from './terminalText';
import { UsageError } from './uploadArgs';

/** What the commands on a skill folder share: the folder, the output format, --help and the parsed options. */
export interface FolderRequest<Values> {
  readonly dir: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly values: Values;
}

/**
 * Reads a request with `read` (which throws `UsageError` for bad arguments: printed with `help`, exit 2), prints
 * `help` when asked (exit 0), else resolves with the exit code of `body`.
 */
export async function runSubcommand<T extends { readonly help: boolean }>(name: string, help: string, read: () => T, body: (request: T) => Promise<number>): Promise<number> {
  let request: T;
  try {
    request = read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    terminalOutput(process.stderr).text(`skillsmith ${name}: ${error.message}\n\n${help}\n`);
    return 2;
  }
  if (request.help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  return body(request);
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
