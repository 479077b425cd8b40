/** What the benchmarks share: an emulator in its own process, and paired timing of two ways to do the same work. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Starts `skillsmith emulator` (with `args`) in a child process, so its work is not timed with ours; resolves with its URL. */
export async function startEmulatorProcess(args: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const cli = join(__dirname, '..', 'src', 'cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'emulator', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const url = /listening on (\S+)/.exec(line)?.[1];
  if (!url) throw new Error(`Unexpected emulator output: ${line}`);
  return { url, child };
}

/** Wall-clock and CPU milliseconds (this process: the client side only) of one piece of work. */
export interface Cost {
  readonly wall: number;
  readonly cpu: number;
}

/** The cost of one run of `run`. */
export async function timed(run: () => Promise<unknown>): Promise<Cost> {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** The median wall and CPU time of several runs. */
export function medianCost(costs: readonly Cost[]): Cost {
  const middle = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { wall: middle(costs.map((c) => c.wall)), cpu: middle(costs.map((c) => c.cpu)) };
}

/**
 * Median costs of `ours` and `baseline` over `rounds` rounds after a warm-up of each. The two alternate (and swap
 * which goes first) so that load from other processes on a shared machine falls on both alike.
 */
export async function compare(rounds: number, ours: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<[Cost, Cost]> {
  await ours();
  await baseline();
  const mine: Cost[] = [];
  const bare: Cost[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      mine.push(await timed(ours));
      bare.push(await timed(baseline));
    } else {
      bare.push(await timed(baseline));
      mine.push(await timed(ours));
    }
  }
  return [medianCost(mine), medianCost(bare)];
}
