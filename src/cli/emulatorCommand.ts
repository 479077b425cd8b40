import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator';
import { isLoopback } from '../emulator/http';

const HELP = `Usage: skillsmith emulator [--port N] [--host 127.0.0.1] [--data DIR] [--seed] [--api-key KEY]

Serves a local emulator of the Skills API until interrupted (Ctrl+C).
  --port N        port to listen on (default 0: a free port)
  --host HOST     address to bind (default 127.0.0.1); fault injection works only on loopback
  --data DIR      keep skills in DIR across restarts
  --seed          start with example skills (custom ones and the read-only Anthropic ones)
  --api-key KEY   accept only this key (default: any key)
`;

/** `skillsmith emulator`: starts the emulator, prints its URL, and serves until SIGINT or SIGTERM. */
export async function runEmulatorCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        seed: { type: 'boolean', default: false },
        'api-key': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`skillsmith emulator: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`skillsmith emulator: --port must be a number from 0 to 65535, not "${values.port}".\n`);
    return 2;
  }
  let emulator;
  try {
    emulator = await startEmulator({ port, host: values.host, dataDir: values.data, seed: values.seed, apiKey: values['api-key'] });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`skillsmith emulator: could not start on ${values.host}:${port}: ${reason}\nPick another --port (0 picks a free one) or --data folder.\n`);
    return 1;
  }
  process.stdout.write(`Skills API emulator listening on ${emulator.url}\n`);
  if (!isLoopback(values.host)) process.stderr.write('Note: not bound to loopback, so the /_emulator admin routes (faults, reset, fill) are off.\n');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await emulator.close();
  process.stdout.write(`Skills API emulator stopped (${signal}).\n`);
  return 0;
}
