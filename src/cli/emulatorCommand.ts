import { startEmulator, type EmulatorOptions } from '../emulator';
import { isLoopback } from '../emulator/http';
import { messageOf } from '../core/messageOf';
import { commandArgs, runWithArgs, UsageError, wholeNumber } from './args';

const HELP = `Usage: skillsmith emulator [--port N] [--host 127.0.0.1] [--data DIR] [--seed] [--api-key KEY]

Serves a local emulator of the Skills API until interrupted (Ctrl+C).
  --port N        port to listen on (default 0: a free port)
  --host HOST     address to bind (default 127.0.0.1); fault injection works only on loopback
  --data DIR      keep skills in DIR across restarts
  --seed          start with example skills (custom ones and the read-only Anthropic ones)
  --api-key KEY   accept only this key (default: any key)`;

/** The emulator's options, with the port and host always given. */
type EmulatorRequest = EmulatorOptions & { readonly port: number; readonly host: string };

const EMULATOR_ARGS = commandArgs({
  name: 'emulator',
  usage: HELP,
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    seed: { type: 'boolean', default: false },
    'api-key': { type: 'string' },
  },
  read: ({ values, positionals }): EmulatorRequest => {
    if (positionals.length > 0) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    return {
      port: wholeNumber('port', values.port, 0, 65535) ?? 0,
      host: values.host,
      dataDir: values.data,
      seed: values.seed,
      apiKey: values['api-key'],
    };
  },
});

/** `skillsmith emulator`: starts the emulator, prints its URL, and serves until SIGINT or SIGTERM. */
export function runEmulatorCommand(args: string[]): Promise<number> {
  return runWithArgs(EMULATOR_ARGS, args, serve);
}

async function serve(options: EmulatorRequest): Promise<number> {
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    process.stderr.write(
      `skillsmith emulator: could not start on ${options.host}:${options.port}: ${messageOf(error)}\nPick another --port (0 picks a free one) or --data folder.\n`,
    );
    return 1;
  }
  process.stdout.write(`Skills API emulator listening on ${emulator.url}\n`);
  if (!isLoopback(options.host))
    process.stderr.write('Note: not bound to loopback, so the /_emulator admin routes (faults, reset, fill) are off.\n');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await emulator.close();
  process.stdout.write(`Skills API emulator stopped (${signal}).\n`);
  return 0;
}
